"""What the tests and the benchmark share: the panel served in a child process, Chromium
driven by Playwright, pages run under AppTest, temporary databases."""
