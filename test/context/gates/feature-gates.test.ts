import { describe, expect, it } from "vitest";
import { diffGates, isPromotion } from "../../../src/context/gates/diff.js";
import { parseFeatureGates } from "../../../src/context/gates/feature-gates.js";
import { parseVersionedFeatureList } from "../../../src/context/gates/feature-list.js";
import { APISERVER_FEATURES_2021, FEATURE_LIST_YAML, kubeFeatures2021, kubeFeaturesVersioned } from "./gate-fixtures.js";

const BEFORE = kubeFeatures2021({ slb: "Alpha", icnp: "Alpha", lsd: "Alpha" });
const AFTER = kubeFeatures2021({
  slb: "Beta",
  icnp: "Beta",
  lsd: "Beta",
  extra: "KubeletPodResourcesGetAllocatable: {Default: false, PreRelease: featuregate.Alpha},",
});

describe("parseFeatureGates, 2021 FeatureSpec format", () => {
  it("reads every entry, including multi-line and genericfeatures.X entries, and ignores comments", () => {
    expect(Object.fromEntries(parseFeatureGates(BEFORE))).toEqual({
      AppArmor: "Beta",
      DynamicKubeletConfig: "Deprecated",
      ExperimentalHostUserNamespaceDefaultingGate: "Beta",
      ServiceLBNodePortControl: "Alpha",
      IngressClassNamespacedParams: "Alpha",
      CSIMigration: "Beta",
      EndpointSliceProxying: "GA",
      LogarithmicScaleDown: "Alpha",
      StreamingProxyRedirects: "Deprecated",
      AdvancedAuditing: "GA",
      APIResponseCompression: "Beta",
      APIListChunking: "Beta",
      HPAScaleToZero: "Alpha",
    });
  });

  it("reads the apiserver's own table", () => {
    expect(Object.fromEntries(parseFeatureGates(APISERVER_FEATURES_2021))).toEqual({
      StreamingProxyRedirects: "Deprecated",
      AdvancedAuditing: "GA",
      APIResponseCompression: "Beta",
      APIListChunking: "Beta",
    });
  });

  it("finds the week's three beta promotions and the new alpha gate", () => {
    const changes = diffGates(parseFeatureGates(BEFORE), parseFeatureGates(AFTER));
    expect(changes).toEqual([
      { gate: "ServiceLBNodePortControl", from: "Alpha", to: "Beta" },
      { gate: "IngressClassNamespacedParams", from: "Alpha", to: "Beta" },
      { gate: "LogarithmicScaleDown", from: "Alpha", to: "Beta" },
      { gate: "KubeletPodResourcesGetAllocatable", from: null, to: "Alpha" },
    ]);
    expect(changes.map(isPromotion)).toEqual([true, true, true, false]);
  });

  it("names a gate by its constant's string when the identifier differs", () => {
    const source = `const (
      CSIMigrationvSphereComplete featuregate.Feature = "CSIMigrationvSphereComplete"
      LegacyName featuregate.Feature = "RenamedGate"
    )
    var gates = map[featuregate.Feature]featuregate.FeatureSpec{
      LegacyName: {Default: true, PreRelease: featuregate.Beta},
      "QuotedKey": {PreRelease: featuregate.GA},
      Unknown: {PreRelease: featuregate.PreAlpha},
    }`;
    expect(Object.fromEntries(parseFeatureGates(source))).toEqual({ RenamedGate: "Beta", QuotedKey: "GA" });
  });
});

describe("parseFeatureGates, ≥1.31 VersionedSpecs format", () => {
  const before = kubeFeaturesVersioned(
    `		{Version: version.MustParse("1.27"), Default: true, PreRelease: featuregate.Beta},`,
  );
  const after = kubeFeaturesVersioned(
    `		{Version: version.MustParse("1.27"), Default: true, PreRelease: featuregate.Beta},
		{Version: version.MustParse("1.34"), Default: true, PreRelease: featuregate.GA, LockToDefault: true}, // remove in 1.37`,
  );

  it("takes the stage of the highest version row, whatever the row order", () => {
    expect(Object.fromEntries(parseFeatureGates(before))).toEqual({
      AllowDNSOnlyNodeCSR: "Deprecated",
      APIServerTracing: "Beta",
      CPUManager: "GA",
      DRAAdminAccess: "Alpha",
      AggregatedDiscoveryRemoveBetaType: "Deprecated",
    });
  });

  it("sees an appended row as a promotion", () => {
    const changes = diffGates(parseFeatureGates(before), parseFeatureGates(after));
    expect(changes).toEqual([{ gate: "APIServerTracing", from: "Beta", to: "GA" }]);
    expect(isPromotion(changes[0] ?? { gate: "", from: null, to: "Alpha" })).toBe(true);
  });
});

describe("parseVersionedFeatureList", () => {
  it("reads the generated yaml, quoted names and any key order; the highest version wins", () => {
    expect(Object.fromEntries(parseVersionedFeatureList(FEATURE_LIST_YAML))).toEqual({
      AllowDNSOnlyNodeCSR: "Deprecated",
      APIServerTracing: "Beta",
      CPUCFSQuotaPeriod: "Alpha",
      InPlacePodVerticalScaling: "Beta",
    });
  });

  it("agrees with the Go source it is generated from", () => {
    const yamlTracing = parseVersionedFeatureList(FEATURE_LIST_YAML).get("APIServerTracing");
    const goTracing = parseFeatureGates(
      kubeFeaturesVersioned(`		{Version: version.MustParse("1.27"), Default: true, PreRelease: featuregate.Beta},`),
    ).get("APIServerTracing");
    expect(yamlTracing).toBe(goTracing);
  });
});

describe("isPromotion", () => {
  it("is true only for Alpha→Beta, Alpha→GA and Beta→GA", () => {
    expect(isPromotion({ gate: "A", from: "Alpha", to: "Beta" })).toBe(true);
    expect(isPromotion({ gate: "A", from: "Alpha", to: "GA" })).toBe(true);
    expect(isPromotion({ gate: "A", from: "Beta", to: "GA" })).toBe(true);
    expect(isPromotion({ gate: "A", from: null, to: "Beta" })).toBe(false);
    expect(isPromotion({ gate: "A", from: "GA", to: "Beta" })).toBe(false);
    expect(isPromotion({ gate: "A", from: "GA", to: "Deprecated" })).toBe(false);
    expect(isPromotion({ gate: "A", from: "Deprecated", to: "GA" })).toBe(false);
  });
});

describe("garbage never throws", () => {
  const garbage = [
    "",
    "{",
    "}}}}",
    "map[featuregate.Feature]featuregate.FeatureSpec{",
    "map[featuregate.Feature]featuregate.FeatureSpec{ A: { PreRelease: featuregate.Beta",
    "map[featuregate.Feature]featuregate.VersionedSpecs{ A: { {Version: version.MustParse(\"1.2",
    "/* never closed",
    "\"never closed",
    "`never closed",
    "var x = map[featuregate.Feature]featuregate.FeatureSpec{ A: {PreRelease: featuregate.Beta}, B: }{ C: {PreRelease:",
    "\u0000\uffff\ud800 ::: {{{ ]]] )))",
    "- name:\n  versionedSpecs:\n  - preRelease\n  -\n- name: X\n  - version: \"1.2\"",
  ];

  it.each(garbage)("reads what it can from %j", (text) => {
    expect(() => parseFeatureGates(text)).not.toThrow();
    expect(() => parseVersionedFeatureList(text)).not.toThrow();
  });

  it("keeps the good entries before the damage", () => {
    const text = "var x = map[featuregate.Feature]featuregate.FeatureSpec{ A: {PreRelease: featuregate.Beta}, B: {PreRelease: featuregate.GA";
    expect(Object.fromEntries(parseFeatureGates(text))).toEqual({ A: "Beta", B: "GA" });
  });

  it("tolerates a non-string from an untyped caller", () => {
    expect(parseFeatureGates(undefined as unknown as string).size).toBe(0);
    expect(parseVersionedFeatureList(null as unknown as string).size).toBe(0);
  });
});
