import { z } from "zod";
import type { SectionKey } from "../types.js";

/** The sections the classifier fills; subprojects come from release feeds, not from merged PRs. */
export type ClassifiedSection = Exclude<SectionKey, "subprojects">;

const list = (defaults: string[], description?: string) => {
  const schema = z.array(z.string()).default(defaults);
  return description ? schema.describe(description) : schema;
};

const pattern = (source: string, description?: string) =>
  z
    .string()
    .default(source)
    .describe(description ? `${description} A regular expression, case-insensitive.` : "A regular expression, case-insensitive.");

/**
 * Everything the classifier decides by, as plain data, so a config file can extend it without
 * code. This one schema gives the `RuleTable` type, the defaults (DEFAULT_RULES) and the `rules`
 * part of schema/config.schema.json, so none of them can name a rule the others lack. In a config
 * file every key is optional; apply-rules.ts adds lists to these defaults rather than replacing them.
 */
export const rulesSchema = z
  .strictObject({
    skipAuthors: list(["k8s-ci-robot", "k8s-infra-ci-robot", "dependabot", "*[bot]"], "Logins never reported; a leading * matches any prefix (\"*[bot]\")."),
    skipTitlePatterns: list([], "Regular expressions; a PR whose title matches one is skipped."),
    labels: z
      .strictObject({
        feature: list(["kind/feature"]),
        apiChange: list(["kind/api-change"]),
        deprecation: list(["kind/deprecation"]),
        bug: list(["kind/bug", "kind/regression"]),
        cleanup: list(["kind/cleanup"]),
        documentation: list(["kind/documentation"]),
        flake: list(["kind/flake", "kind/failing-test"]),
        dependency: list(["area/dependency"]),
        releaseNote: list(["release-note", "release-note-action-required"]),
        releaseNoteNone: list(["release-note-none"]),
        actionRequired: list(["release-note-action-required"]),
        highPriority: list(["priority/critical-urgent", "priority/important-soon"]),
        largeSize: list(["size/XL", "size/XXL"]),
      })
      .prefault({})
      .describe("GitHub labels by what they mean; added to the defaults."),
    patterns: z
      .strictObject({
        cherryPickTitle: pattern(String.raw`^\s*(?:\[[^\]]*\]\s*)?(?:automated|manual)\s+cherry[- ]?pick\s+of\s+#\d+`),
        promotionTitle: pattern(
          String.raw`\b(?:promot(?:e|es|ed|ing)|graduat(?:e|es|ed|ing)|mov(?:e|es|ed|ing)|mark(?:s|ed|ing)?|mak(?:e|es|ing)|updat(?:e|es|ed|ing)|upgrad(?:e|es|ed|ing))\b(.{0,80}?)(?:\b(?:to|as)\s+[\x60'"]?(beta|ga|stable|general(?:ly)?\s+availab\w*)|\s(ga|generally\s+available))\b`,
        ),
        promotionNote: pattern(
          String.raw`(?:\b(?:is|are)\s+now\s+(?:marked\s+as\s+)?(?:in\s+)?(beta|ga|stable|generally\s+available)\b|\b(?:is|are)\s+(?:marked\s+as\s+)?(ga|generally\s+available)\b|\b(?:graduat(?:e|es|ed)|promot(?:e|es|ed))\b(.{0,80}?)\bto\s+[\x60'"]?(beta|ga|stable|general\s+availability)\b)`,
        ),
        lockToDefault: pattern(String.raw`\block(?:s|ed|ing)?\b.{0,60}\bto\s+default\b|\bLockToDefault\b`),
        notAFeaturePromotion: pattern(String.raw`\btests?\b|\bconformance\b`),
        deprecation: pattern(
          String.raw`(?<!non-|un)\b(?:deprecat(?:e|es|ing|ion)\b|(?:is|are|was|were|be|been|now|as|get|gets)\s+(?:now\s+|also\s+|officially\s+|formally\s+)?deprecated\b|deprecated\s+(?:in\s+favou?r|and\s+(?:will|is|are)|for\s+removal)|^deprecated\b)`,
          "Deprecating something, not mentioning a thing deprecated long ago (\"the deprecated watch path\").",
        ),
        deprecatedUsage: pattern(
          String.raw`\b(?:replac\w*|migrat\w*|switch\w*|stop\s+using|usages?\s+of|uses?\s+of|instead\s+of|away\s+from)\b.{0,60}\bdeprecated\b|\bdeprecated\b.{0,40}\b(?:usages?|calls?|functions?|methods?|imports?|packages?|libraries|library)\b`,
          "Moving away from something deprecated elsewhere is a cleanup, not a deprecation.",
        ),
        removal: pattern(
          String.raw`^(?:remov(?:e|es|ed|ing)|drop(?:s|ped|ping)?|delet(?:e|es|ed|ing))\b(?!.*\b(?:tests?|e2e|comments?|typos?|dead\s+code|duplicate|unused|internal|registration|usages?\s+of|uses?\s+of|references?\s+to|dependency|dependencies|import)\b).*\b(?:flags?|metrics?|feature[- ]gates?|apis?|fields?|annotations?|options?|endpoints?|(?:sub)?commands?|plugins?|support|deprecated)\b`,
        ),
        gateRemoved: pattern(
          String.raw`\bfeature[- ]gates?\b.{0,160}?\b(?:(?:have|has|are|is|was|were|been|now)\s+(?:now\s+|been\s+)?removed|can\s+no\s+longer\s+be\s+specified)\b|\bremov(?:e|ed|es|ing)\s+(?:the\s+)?(?:[\x60\w-]+\s+(?:and\s+[\x60\w-]+\s+)?)?feature[- ]gates?\b`,
          "A feature gate removed (after its feature went GA) is a removal, though the note says GA: editors list 43 of 49 such notes under Deprecated.",
        ),
        removedInNote: pattern(
          String.raw`^(?!\W*fix)(?:[^.]|\.\w)*?\b(?:is|are|has\s+been|have\s+been|was|were)\s+(?:now\s+|completely\s+|fully\s+)?(?:removed|dropped)\b|^remov(?:e|es|ed)\s+(?:the\s+)?deprecated\b`,
          "A release note saying something users see is gone: \"The `--foo` flag has been removed\".",
        ),
        typoOrComment: pattern(String.raw`\b(?:typos?|spelling|misspell\w*|grammar|wording|comments?|godoc|doc[- ]comments?)\b`),
        docsOnly: pattern(String.raw`^(?:docs?|documentation|readme)\b|\b(?:update|fix|improve)s?\s+(?:the\s+)?(?:docs?|documentation|readme)\b`),
        testOnly: pattern(String.raw`\b(?:tests?|e2e|testing|unit[- ]tests?|integration[- ]tests?|test[- ]cases?|testdata|flak(?:e|es|y))\b`),
        groundwork: pattern(String.raw`\b(?:foundations?|groundwork|scaffold\w*|plumbing|prep(?:are|aration)?|wip|part\s*\d+|refactor\w*|preliminar\w*)\b`),
        buildTooling: pattern(String.raw`(?:^|\s)(?:hack|build)/|\b(?:\w*codegen|[a-z]+-gen|code[- ]generat\w*|makefile|bazel|golangci-lint|go\s+workspaces?)\b`),
        userFacingTool: pattern(
          String.raw`^\s*(?:\[?kubeadm\]?|\[?kubectl\]?)\b|\bkubectl\s+[a-z-]+\b`,
          "kubeadm and kubectl: a NONE-note change to them is still something users run into.",
        ),
        security: pattern(String.raw`\b(?:CVE-\d{4}-\d+|security|vulnerab\w*|privilege\s+escalation|authori[sz](?:er|ation)|authenticat(?:or|ion)|rbac)\b`),
        crash: pattern(String.raw`\b(?:panic(?:s|ked)?|crash(?:es|ed|ing)?|segfault|nil\s+pointer|deadlock\w*|memory\s+leak\w*|oom)\b`),
        addsCapability: pattern(
          String.raw`^(?:add(?:s|ed)?|introduc(?:e|es|ed)|support(?:s|ed)?|allow(?:s|ed)?|enabl(?:e|es|ed))\b(?!\s+(?:missing|back|nil|null|checks?|validation|retr(?:y|ies)|locks?|mutex|timeouts?|error|logging)\b)`,
        ),
        newMetric: pattern(String.raw`\b(?:add(?:s|ed)?|new|introduc(?:e|es|ed)|expos(?:e|es|ed))\b.{0,40}\bmetrics?\b`),
        newFeatureGate: pattern(String.raw`\b(?:new|add(?:s|ed)?|introduc(?:e|es|ed))\b.{0,40}\bfeature[- ]gates?\b|\balpha\s+feature\b`),
        enabledByDefault: pattern(String.raw`\b(?:enabled|on)\s+by\s+default\b`),
        prerelease: pattern(String.raw`-(?:alpha|beta|rc|pre)[.\d]*$|^v?\d[\d.]*(?:alpha|beta|rc)\d*$`),
      })
      .prefault({})
      .describe("Patterns replace the defaults."),
    dependencies: z
      .strictObject({
        critical: list(
          [
            "go", "golang", "etcd", "coredns", "cni", "containerd", "runc", "cri-tools", "crictl",
            "golangci-lint", "ginkgo", "gomega", "structured-merge-diff", "kube-openapi", "klog",
            "cel-go", "grpc", "protobuf", "cadvisor", "pause", "kube-cross", "distroless-iptables",
            "debian-base", "kustomize",
          ],
          "Bumps of these are reported even without area/dependency, and grouped on release branches.",
        ),
        aliases: z
          .record(z.string(), z.string())
          .default({ smd: "structured-merge-diff", golang: "go" })
          .describe("Short names authors use, mapped to the name the newsletter prints."),
        noVPrefix: list(["go", "golang"], "Versions of these are printed as written, without an added \"v\"."),
      })
      .prefault({}),
    files: z
      .strictObject({
        // The week's context reads these same files for stage changes (context/gates/paths.ts).
        featureGates: list(
          [
            "pkg/features/kube_features.go",
            "staging/src/k8s.io/apiserver/pkg/features/kube_features.go",
            "test/compatibility_lifecycle/reference/versioned_feature_list.yaml",
            "pkg/features/versioned_kube_features.go",
          ],
          "Repository paths of the files that hold feature gates (a PR touching one may be a promotion); added to the defaults.",
        ),
        dependencyManifests: list(["go.mod", "build/dependencies.yaml"], "Repository paths of dependency manifests; added to the defaults."),
      })
      .prefault({}),
    featured: z
      .strictObject({
        mode: z
          .enum(["top", "candidates-only"])
          .default("candidates-only")
          .describe("\"top\" moves the best candidate into featured; \"candidates-only\" leaves the choice to editors."),
        count: z.number().int().min(0).max(10).default(3),
        minScore: z.number().min(0).max(1).default(0.2).describe("The learned chance of being featured (0..1) that mode \"top\" needs to move a PR into featured."),
      })
      .prefault({}),
  })
  .prefault({})
  .describe("Changes to the classifier's rule table. Lists are added to the defaults; strings and numbers replace them; objects merge key by key.");

/** Patterns are RegExp sources, always compiled case-insensitive. */
export type RuleTable = z.output<typeof rulesSchema>;
