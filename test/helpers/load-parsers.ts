import { loadParsers } from "../../src/parsers.js";

// The commands load the parsers before use; unit tests call the pure readers directly.
await loadParsers();
