import { lines, readYamlLine } from "./yaml-lines.js";

/**
 * Dependency name → version from build/dependencies.yaml (zeitgeist): items
 * `- name: "etcd"` / `version: 3.5.0` / `refPaths: [...]`. Only a `version:` at the same column as
 * its `name:` counts, so nothing nested under refPaths can be mistaken for it. Never throws.
 */
export function parseDependenciesYaml(text: string): Map<string, string> {
  const versions = new Map<string, string>();
  let name: string | null = null;
  let column = -1;
  for (const line of lines(text)) {
    const entry = readYamlLine(line);
    if (!entry) continue;
    if (entry.item && entry.key === "name") {
      name = entry.value;
      column = entry.column;
    } else if (entry.item && entry.column <= column) {
      // An item that does not start with name: still ends the previous dependency.
      name = null;
    } else if (name && entry.key === "version" && entry.column === column && entry.value !== "") {
      versions.set(name, entry.value);
    }
  }
  return versions;
}
