// Writes schema/config.schema.json from the config's zod schema; test/config.test.ts fails while
// the committed file differs from what this writes.
import { writeFileSync } from "node:fs";
import { configJsonSchemaText } from "../src/config/config-schema.js";

writeFileSync(new URL("../schema/config.schema.json", import.meta.url), configJsonSchemaText());
