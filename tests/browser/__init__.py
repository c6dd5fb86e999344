"""Browser tests: the notebooks in JupyterLab and the apps in Voila, in headless Chromium."""
