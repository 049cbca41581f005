"""Russian-language resources shared by the taggers: Natasha models, morphology, quoted spans."""
