-- Lookup rows. Vendors are seeded by lib/demo (the layout varies by test); these do not.
INSERT INTO billing_status (code) VALUES ('billable'), ('spare'), ('unknown');
INSERT INTO device_type (code) VALUES ('server'), ('workstation'), ('unknown');
