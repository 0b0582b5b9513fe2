from setuptools import setup

# For scrapyd-deploy, which builds an egg with setup.py; everything else is in pyproject.toml.
setup()
