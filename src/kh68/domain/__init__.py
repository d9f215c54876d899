"""What is derived once from a loaded plan, for the rules and the engine to read: measures combined from units,
coverage and reporters."""
