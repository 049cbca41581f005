%PDF-1.4
% kubdom
1 0 obj << /Type /Catalog >> endobj
trailer << /Root 1 0 R >>
%%EOF
