"""Original demo content for `manage.py seed_demo`: texts, pictures and the code that seeds them."""
