"""The Call Center: agents read every procedure with its restricted sections
(``/call-center/``) and keep "Inne*" up to date in the admin, outside moderation."""
