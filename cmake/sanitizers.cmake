# Sanitizer builds (ARCHMARK_SANITIZE): see docs/robustness.md.
