"""Step 4 of the flow (before storage): MinHash signatures that group reprints of one story."""
