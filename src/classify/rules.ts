import type { SectionKey } from "../types.js";

/** The sections the classifier fills; subprojects come from release feeds, not from merged PRs. */
export type ClassifiedSection = Exclude<SectionKey, "subprojects">;

/**
 * Everything the classifier decides by, as plain data, so a config file can extend it without
 * code. Patterns are RegExp sources, always compiled case-insensitive.
 */
export interface RuleTable {
  /** Logins never reported; a leading "*" matches any prefix ("*[bot]"). */
  skipAuthors: string[];
  /** Title patterns (RegExp sources) of PRs never reported, e.g. from a config file. */
  skipTitlePatterns: string[];
  sectionOrder: ClassifiedSection[];
  labels: {
    feature: string[];
    apiChange: string[];
    deprecation: string[];
    bug: string[];
    cleanup: string[];
    documentation: string[];
    flake: string[];
    dependency: string[];
    releaseNote: string[];
    releaseNoteNone: string[];
    actionRequired: string[];
    highPriority: string[];
    largeSize: string[];
  };
  patterns: {
    cherryPickTitle: string;
    promotionTitle: string;
    promotionNote: string;
    lockToDefault: string;
    notAFeaturePromotion: string;
    deprecation: string;
    /** Moving away from something deprecated elsewhere is a cleanup, not a deprecation. */
    deprecatedUsage: string;
    removal: string;
    removedInNote: string;
    typoOrComment: string;
    docsOnly: string;
    testOnly: string;
    groundwork: string;
    buildTooling: string;
    /** kubeadm and kubectl: a NONE-note change to them is still something users run into. */
    userFacingTool: string;
    security: string;
    crash: string;
    addsCapability: string;
    newMetric: string;
    newFeatureGate: string;
    enabledByDefault: string;
    prerelease: string;
  };
  dependencies: {
    /** Bumps of these are reported even without area/dependency, and grouped on release branches. */
    critical: string[];
    /** Short names authors use, mapped to the name the newsletter prints. */
    aliases: Record<string, string>;
    /** Versions of these are printed as written, without an added "v". */
    noVPrefix: string[];
  };
  files: {
    /** Files that hold feature-gate stage tables; a PR touching one may be a promotion. */
    featureGates: string[];
    dependencyManifests: string[];
  };
  featured: {
    /** "top" moves the best candidate into featured; "candidates-only" leaves the choice to editors. */
    mode: "top" | "candidates-only";
    count: number;
    /** The learned chance of being featured (0..1) that "top" needs to move a PR into featured. */
    minScore: number;
  };
}

export const DEFAULT_RULES: RuleTable = {
  skipAuthors: ["k8s-ci-robot", "k8s-infra-ci-robot", "dependabot", "*[bot]"],
  skipTitlePatterns: [],
  sectionOrder: ["featured", "promotions", "deprecated", "version_updates", "other_merges"],
  labels: {
    feature: ["kind/feature"],
    apiChange: ["kind/api-change"],
    deprecation: ["kind/deprecation"],
    bug: ["kind/bug", "kind/regression"],
    cleanup: ["kind/cleanup"],
    documentation: ["kind/documentation"],
    flake: ["kind/flake", "kind/failing-test"],
    dependency: ["area/dependency"],
    releaseNote: ["release-note", "release-note-action-required"],
    releaseNoteNone: ["release-note-none"],
    actionRequired: ["release-note-action-required"],
    highPriority: ["priority/critical-urgent", "priority/important-soon"],
    largeSize: ["size/XL", "size/XXL"],
  },
  patterns: {
    cherryPickTitle: String.raw`^\s*(?:\[[^\]]*\]\s*)?(?:automated|manual)\s+cherry[- ]?pick\s+of\s+#\d+`,
    promotionTitle: String.raw`\b(?:promot(?:e|es|ed|ing)|graduat(?:e|es|ed|ing)|mov(?:e|es|ed|ing)|mark(?:s|ed|ing)?|mak(?:e|es|ing))\b(.{0,80}?)(?:\b(?:to|as)\s+(beta|ga|stable|general(?:ly)?\s+availab\w*)|\s(ga|generally\s+available))\b`,
    promotionNote: String.raw`(?:\b(?:is|are)\s+now\s+(?:marked\s+as\s+)?(?:in\s+)?(beta|ga|stable|generally\s+available)\b|\b(?:is|are)\s+(?:marked\s+as\s+)?(ga|generally\s+available)\b|\b(?:graduat(?:e|es|ed)|promot(?:e|es|ed))\b(.{0,80}?)\bto\s+(beta|ga|stable|general\s+availability)\b)`,
    lockToDefault: String.raw`\block(?:s|ed|ing)?\b.{0,60}\bto\s+default\b|\bLockToDefault\b`,
    notAFeaturePromotion: String.raw`\bmetrics?\b|\bstability\s+level\b|\btests?\b|\bconformance\b`,
    // Deprecating something, not mentioning a thing deprecated long ago ("the deprecated watch path").
    deprecation: String.raw`(?<!non-|un)\b(?:deprecat(?:e|es|ing|ion)\b|(?:is|are|was|were|be|been|now|as|get|gets)\s+(?:now\s+|also\s+|officially\s+|formally\s+)?deprecated\b|deprecated\s+(?:in\s+favou?r|and\s+(?:will|is|are)|for\s+removal)|^deprecated\b)`,
    deprecatedUsage: String.raw`\b(?:replac\w*|migrat\w*|switch\w*|stop\s+using|usages?\s+of|uses?\s+of|instead\s+of|away\s+from)\b.{0,60}\bdeprecated\b|\bdeprecated\b.{0,40}\b(?:usages?|calls?|functions?|methods?|imports?|packages?|libraries|library)\b`,
    removal: String.raw`^(?:remov(?:e|es|ed|ing)|drop(?:s|ped|ping)?|delet(?:e|es|ed|ing))\b(?!.*\b(?:tests?|e2e|comments?|typos?|dead\s+code|duplicate|unused|internal|registration|usages?\s+of|uses?\s+of|references?\s+to|dependency|dependencies|import)\b).*\b(?:flags?|metrics?|feature[- ]gates?|apis?|fields?|annotations?|options?|endpoints?|(?:sub)?commands?|plugins?|support|deprecated)\b`,
    /** A release note saying something users see is gone: "The `--foo` flag has been removed". */
    removedInNote: String.raw`^(?!\W*fix)(?:[^.]|\.\w)*?\b(?:is|are|has\s+been|have\s+been|was|were)\s+(?:now\s+|completely\s+|fully\s+)?(?:removed|dropped)\b|^remov(?:e|es|ed)\s+(?:the\s+)?deprecated\b`,
    typoOrComment: String.raw`\b(?:typos?|spelling|misspell\w*|grammar|wording|comments?|godoc|doc[- ]comments?)\b`,
    docsOnly: String.raw`^(?:docs?|documentation|readme)\b|\b(?:update|fix|improve)s?\s+(?:the\s+)?(?:docs?|documentation|readme)\b`,
    testOnly: String.raw`\b(?:tests?|e2e|testing|unit[- ]tests?|integration[- ]tests?|test[- ]cases?|testdata|flak(?:e|es|y))\b`,
    groundwork: String.raw`\b(?:foundations?|groundwork|scaffold\w*|plumbing|prep(?:are|aration)?|wip|part\s*\d+|refactor\w*|preliminar\w*)\b`,
    buildTooling: String.raw`(?:^|\s)(?:hack|build)/|\b(?:\w*codegen|[a-z]+-gen|code[- ]generat\w*|makefile|bazel|golangci-lint|go\s+workspaces?)\b`,
    userFacingTool: String.raw`^\s*(?:\[?kubeadm\]?|\[?kubectl\]?)\b|\bkubectl\s+[a-z-]+\b`,
    security: String.raw`\b(?:CVE-\d{4}-\d+|security|vulnerab\w*|privilege\s+escalation|authori[sz](?:er|ation)|authenticat(?:or|ion)|rbac)\b`,
    crash: String.raw`\b(?:panic(?:s|ked)?|crash(?:es|ed|ing)?|segfault|nil\s+pointer|deadlock\w*|memory\s+leak\w*|oom)\b`,
    addsCapability: String.raw`^(?:add(?:s|ed)?|introduc(?:e|es|ed)|support(?:s|ed)?|allow(?:s|ed)?|enabl(?:e|es|ed))\b(?!\s+(?:missing|back|nil|null|checks?|validation|retr(?:y|ies)|locks?|mutex|timeouts?|error|logging)\b)`,
    newMetric: String.raw`\b(?:add(?:s|ed)?|new|introduc(?:e|es|ed)|expos(?:e|es|ed))\b.{0,40}\bmetrics?\b`,
    newFeatureGate: String.raw`\b(?:new|add(?:s|ed)?|introduc(?:e|es|ed))\b.{0,40}\bfeature[- ]gates?\b|\balpha\s+feature\b`,
    enabledByDefault: String.raw`\b(?:enabled|on)\s+by\s+default\b`,
    prerelease: String.raw`-(?:alpha|beta|rc|pre)[.\d]*$|^v?\d[\d.]*(?:alpha|beta|rc)\d*$`,
  },
  dependencies: {
    critical: [
      "go", "golang", "etcd", "coredns", "cni", "containerd", "runc", "cri-tools", "crictl",
      "golangci-lint", "ginkgo", "gomega", "structured-merge-diff", "kube-openapi", "klog",
      "cel-go", "grpc", "protobuf", "cadvisor", "pause", "kube-cross", "distroless-iptables",
      "debian-base", "kustomize",
    ],
    aliases: { smd: "structured-merge-diff", golang: "go" },
    noVPrefix: ["go", "golang"],
  },
  files: {
    // The week's context reads these same files for stage changes (context/gates/paths.ts).
    featureGates: [
      "pkg/features/kube_features.go",
      "staging/src/k8s.io/apiserver/pkg/features/kube_features.go",
      "test/compatibility_lifecycle/reference/versioned_feature_list.yaml",
      "pkg/features/versioned_kube_features.go",
    ],
    dependencyManifests: ["go.mod", "build/dependencies.yaml"],
  },
  featured: {
    mode: "candidates-only",
    count: 3,
    minScore: 0.2,
  },
};
