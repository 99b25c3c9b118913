import { readYaml, yamlList, yamlMap, yamlString } from "../../parsers.js";

/**
 * Dependency name → version from build/dependencies.yaml (zeitgeist): items
 * `- name: "etcd"` / `version: 3.5.0` / `refPaths: [...]` under `dependencies:`. Only an item's own
 * `version` counts, never one nested under refPaths. Never throws.
 */
export function parseDependenciesYaml(text: string): Map<string, string> {
  const versions = new Map<string, string>();
  for (const item of yamlList(yamlMap(readYaml(text))?.get("dependencies"))) {
    const fields = yamlMap(item);
    const name = yamlString(fields?.get("name"))?.trim();
    const version = yamlString(fields?.get("version"))?.trim();
    // A version is one word; anything else is a damaged line, not a version.
    if (name && version && !/\s/.test(version)) versions.set(name, version);
  }
  return versions;
}
