import { describe, expect, it } from "vitest";
import { lineProblems } from "../../src/lint/line-rules.js";
import { sentenceBullet, sentenceLine } from "../../src/classify/wording.js";
import { capitalizeFirst } from "../../src/classify/words.js";
import { url } from "./fixtures.js";

const U = url(1);
const line = (title: string, note: string | null = null): string => sentenceLine(title, note, U);

describe("sentence lines", () => {
  it("writes a title's leading verb in the form editors give it", () => {
    expect(line("Added field-selector option for kubectl top pod")).toBe(`* Added [a field-selector option](${U}) for kubectl top pod`);
    expect(line("Fixed the status of terminating pods")).toBe(`* Fix [the status of terminating pods](${U})`);
    expect(line("Support dynamically set log level for kube-proxy")).toBe(`* Support [dynamically set log level](${U}) for kube-proxy`);
  });

  it("writes the API server as editors do, APIserver, but not another API server", () => {
    expect(line("Fix tracing of re-entrant requests", "The API server now traces re-entrant API requests.")).toBe(`* The APIserver [now traces re-entrant API requests](${U})`);
    expect(line("Fix tracing", "The sample API server now traces its requests.")).toBe(`* The sample API server [now traces its requests](${U})`);
    // In title case it is always the kube-apiserver.
    expect(line("Fix tracing", "API Server tracing can now trace re-entrant requests.")).toBe(`* APIserver tracing [can now trace re-entrant requests](${U})`);
  });

  it("makes a known component prefix the subject and drops other prefixes", () => {
    expect(line("kubeadm: fix the invalid cross-device link bug during upgrade")).toBe(
      `* kubeadm [fixes the invalid cross-device link bug](${U}) during upgrade`,
    );
    expect(line("KEP-4210: kubelet: add reason field to image gc metric")).toBe(`* kubelet [adds a reason field](${U}) to image gc metric`);
    expect(line("[sig-storage] pkg/volume: skip detach of unmounted volumes")).toBe(`* Skip [detach of unmounted volumes](${U})`);
  });

  it("keeps a note's component prefix as its subject, once", () => {
    expect(line("Drop image flag warnings", "kubelet: drop the old warning for image flags.")).toBe(`* kubelet [drops the old warning](${U}) for image flags`);
    expect(line("Handle SIGHUP", "kubelet: fix kubelet restarts on SIGHUP.")).toBe(`* Fix [kubelet restarts](${U}) on SIGHUP`);
  });

  it("puts flags, gates, fields, metrics and paths in code and escapes the rest", () => {
    expect(line("Expose container start time in kubelet /metrics/resource endpoint")).toBe(
      `* Expose [container start time](${U}) in kubelet \`/metrics/resource\` endpoint`,
    );
    expect(line("x", "kube-controller-manager supports the --concurrent-horizontal-pod-autoscaler-syncs flag")).toBe(
      `* kube-controller-manager [supports the \`--concurrent-horizontal-pod-autoscaler-syncs\` flag](${U})`,
    );
    expect(line("x", 'The "reason" field of image_garbage_collected_total distinguishes age from space')).toBe(
      `* The \`reason\` field of \`image_garbage_collected_total\` [distinguishes age](${U}) from space`,
    );
    expect(line("Allow <script> and *stars* in ServiceInternalTrafficPolicy docs")).toBe(
      `* Allow [&lt;script&gt; and \\*stars\\*](${U}) in \`ServiceInternalTrafficPolicy\` docs`,
    );
  });

  it("prefers the release note, shortened to its main clause", () => {
    expect(
      line(
        "Add metric for terminated pods",
        "Add \"reason\" field to image_garbage_collected_total metric, so admins can tell images collected for age from those collected for space",
      ),
    ).toBe(`* Add [a \`reason\` field](${U}) to \`image_garbage_collected_total\` metric`);
    expect(line("x", "ACTION REQUIRED: `kubectl debug` is able to attach to pods in older clusters when the gate is on.")).toBe(
      `* \`kubectl debug\` [can attach](${U}) to pods in older clusters when the gate is on`,
    );
  });

  it("keeps what a fix note's clause says, or the title's fix, rather than a bare 'Fixes an issue'", () => {
    expect(line("x", "Fixed a bug where pods did not get a pending phase after the node rebooted.")).toBe(
      `* Pods [now get a pending phase](${U}) after the node rebooted`,
    );
    // What bugs do (crashed, panicked, leaked) reads turned around, past an inner clause's "was".
    expect(line("Fix goroutine leak in widget controller", "Fixed an issue where the widget controller leaked goroutines when a watch was closed early.")).toBe(
      `* The widget controller [no longer leaks goroutines](${U}) when a watch was closed early`,
    );
    expect(line("kubelet: long pod names", "Fixed a bug where kubelet crashed when a pod's name was long")).toBe(`* kubelet [no longer crashes](${U}) when a pod's name was long`);
    // A clause with no verb to turn around leaves the title's fix.
    expect(line("Fix goroutine leak in widget controller", "Fixed an issue where the widget controller's goroutines piled up when a watch was closed early.")).toBe(
      `* Fix [goroutine leak](${U}) in widget controller`,
    );
  });

  it("takes a note that ends on 'to' and a noun as whole, but not one cut after 'to' and a verb", () => {
    expect(line("Widget info", "Stopped sending widget info to runtimes.")).toBe(`* Stopped [sending widget info](${U}) to runtimes`);
    expect(line("Configure widget pools", "Allowed cluster admins to configure.")).toBe(`* Configure [widget pools](${U})`);
  });

  it("prefers a title that says what was fixed over a note that states a rule", () => {
    expect(line("Fix widget timeout is negative", "Widget timeouts on pods and probes should not be negative.")).toBe(
      `* Widget timeout [is no longer negative](${U})`,
    );
  });

  it("falls back to the title when the note opens with a condition or talks about itself", () => {
    expect(line("track legacy service account tokens", "When the gate is on, tokens get a last-used label.")).toBe(
      `* Track [legacy service account tokens](${U})`,
    );
    expect(line("Add a flag to skip detach", "This change adds the following option for the controller manager:")).toBe(
      `* Add [a flag to skip detach](${U})`,
    );
  });

  it("drafts a note that opens with a condition from its main clause, unless that clause tells the bug", () => {
    expect(line("Fix provisioner labels", "When a volume is created with a custom class, the provisioner now keeps its labels.")).toBe(
      `* The provisioner [now keeps its labels](${U})`,
    );
    expect(line("kubelet: restart replaced static pods", "When a static pod file is replaced, the pod was not restarted.")).toBe(
      `* kubelet [restarts replaced static pods](${U})`,
    );
    // A comma inside the opener's list is not where the opener ends.
    expect(line("Limit requests while the queue is full", "If the queue is full, the scheduler, the kubelet and the proxy now wait.")).toBe(
      `* Limit [requests](${U}) while the queue is full`,
    );
  });

  it("keeps the opener of a condition, or of a clause that points back at it", () => {
    const conditional = "If a client asks for a table, the API server now responds with a 406 error.";
    expect(line("Return 406 for table requests", conditional)).toBe(`* Return [406 for table requests](${U})`);
    const pointing = "When a widget file is missing, Kubernetes now creates it.";
    expect(line(pointing, pointing)).toBe(`* When a widget file [is missing](${U}), Kubernetes now creates it`);
  });

  it("reads an opening verb as the verb when no other is found, and a plural after a preposition as a noun", () => {
    const warn = "Warn instead of failing when a sprocket names an unknown gear";
    expect(line(warn, warn)).toBe(`* Warn [instead of failing](${U}) when a sprocket names an unknown gear`);
    const exposed = "Exposed the gadget `/healthz` endpoint for liveness checks that load balancers use";
    expect(line(exposed, exposed)).toBe(`* Exposed [the gadget \`/healthz\` endpoint](${U}) for liveness checks that load balancers use`);
    const delay = "Added a delay to sprocket updates after gadget startup";
    expect(line(delay, delay)).toBe(`* Added [a delay to sprocket updates](${U}) after gadget startup`);
    // A noun that names the change still gets "Adds".
    const support = "Support for sprockets in the gadget controller";
    expect(line(support, support)).toBe(`* Adds [support for sprockets](${U}) in the gadget controller`);
  });

  it("takes a change verb written as a label, an order the verb list does not know, and a negated verb group as the verb", () => {
    const label = "fix: sprocket path error on gadget nodes";
    expect(line(label, label)).toBe(`* Fix [sprocket path error](${U}) on gadget nodes`);
    const own = "fix: leave the probe path empty for widget probes";
    expect(line(own, own)).toBe(`* Leave [the probe path empty](${U}) for widget probes`);
    const negative = "Do not return early in the gadget informer";
    expect(line(negative, negative)).toBe(`* Do [not return early](${U}) in the gadget informer`);
    const negated = "The gadget scheduler did not run the widget Score method";
    expect(line(negated, negated)).toBe(`* The gadget scheduler [did not run the widget Score](${U}) method`);
    const unknown = "The kubelet recognizes the `--gadget-namespace` flag";
    expect(line(unknown, unknown)).toBe(`* The kubelet [recognizes the \`--gadget-namespace\` flag](${U})`);
    // A gerund or an adverb before a determiner opens a subject, not an order.
    const gerund = "Setting the gadget status of a widget was previously allowed";
    expect(line(gerund, gerund)).toBe(`* Setting the gadget status of a widget [was previously allowed](${U})`);
    const plural = "On compatible systems, a sprocket's Unmount implementation is changed to not return an error";
    expect(line(plural, plural)).toBe(`* On compatible systems, a sprocket's Unmount implementation [is changed to not return an error](${U})`);
  });

  it("capitalizes Kubernetes at the start of a line, and leaves kube- binaries in lower case", () => {
    const project = "kubernetes now builds with the gadget toolchain.";
    expect(line(project.slice(0, -1), project)).toBe(`* Kubernetes [now builds](${U}) with the gadget toolchain`);
    expect(capitalizeFirst("kube-proxy now skips widgets")).toBe("kube-proxy now skips widgets");
  });

  it("reads a negated helper as the verb, and no verb after \"how\" or \"why\" as the sentence's", () => {
    const negated = "The gadget controller shouldn't error while syncing unmanaged widgets.";
    expect(line(negated.slice(0, -1), negated)).toBe(`* The gadget controller [shouldn't error](${U}) while syncing unmanaged widgets`);
    const wont = "The `widget_total` metrics won't consider the time when a pod waits.";
    expect(line(wont.slice(0, -1), wont)).toBe(`* The \`widget_total\` metrics [won't consider the time](${U}) when a pod waits`);
    const how = "Changed how the gadget server handles updates to widgets.";
    expect(line(how.slice(0, -1), how)).toBe(`* Changed [how the gadget server handles updates](${U}) to widgets`);
    const why = "Logging of why widgets fail was improved";
    expect(line(why, why)).toBe(`* Logging of why widgets fail [was improved](${U})`);
    const explained = "Explanation of how the scheduler picks gadgets is now logged";
    expect(line(explained, explained)).toBe(`* Explanation of how the scheduler picks gadgets [is now logged](${U})`);
  });

  it("reads on past \"e.g.\" and \"i.e.\", which end no sentence", () => {
    const example = "Allow changing the gadget image, e.g. Quay mirrors for air-gapped clusters. Second sentence here.";
    expect(line(example, example)).toBe(`* Allow [changing the gadget image](${U}), e.g. Quay mirrors for air-gapped clusters`);
  });

  it("prefers the note's own sentence to a two-word title that only \"Adds support for\" could make a line of", () => {
    expect(line("endpoint race", "Fix a race condition in the endpoint controller that dropped endpoints.")).toBe(
      `* Fix [a race condition](${U}) in the endpoint controller that dropped endpoints`,
    );
  });

  it("drafts from the main clause after a phrase that frames it, but not from a condition after the frame", () => {
    const framed = "In the gadget object, the `sprocketShares` field now accepts a zero value.";
    expect(line(framed, framed)).toBe(`* The \`sprocketShares\` field [now accepts a zero value](${U})`);
    const purpose = "To make gadgets easier to use, widget rules now support reserved words as field names.";
    expect(line(purpose, purpose)).toBe(`* Widget rules [now support reserved words](${U}) as field names`);
    const narrowing = "For static widgets, the gadget controller now skips admission.";
    expect(line(narrowing, narrowing)).toBe(`* For static widgets, the gadget controller [now skips admission](${U})`);
    const condition = "For static widgets, if a gear is missing, the gadget controller now waits for it.";
    expect(line(condition, condition)).toBe(`* For static widgets, if a gear [is missing](${U})`);
  });

  it("puts a clause's comma or semicolon after the link, never at the end of its words", () => {
    const listed = "Add a sprocket flag, a gear flag and a chain flag to kubectl";
    expect(line(listed, listed)).toBe(`* Add [a sprocket flag](${U}), a gear flag and a chain flag to kubectl`);
    const joined = "The widget controller has been removed; use the gadget controller instead";
    expect(line(joined, joined)).toBe(`* The widget controller [has been removed](${U}); use the gadget controller instead`);
    const first = "Deprecate `widgetctl convert`; it will be removed in v1.25";
    expect(line(first, first)).toBe(`* Deprecate [\`widgetctl convert\`](${U}); it will be removed in v1.25`);
    expect(sentenceBullet(listed, listed, U)).toEqual({ before: "Add", label: "a sprocket flag", url: U, pause: ",", after: "a gear flag and a chain flag to kubectl", also: [] });
    // A hostile run of dots or commas is scanned once: drafting it takes milliseconds, not seconds.
    const dots = `See https://a${".".repeat(100_000)}x for the widget fix`;
    const timed = Date.now();
    expect(line("Fix widgets", dots).length).toBeLessThan(1000);
    expect(Date.now() - timed).toBeLessThan(1000);
    const commas = `Add a flag${",".repeat(60_000)}) to kubectl now`;
    const started = Date.now();
    expect(line(commas, commas).length).toBeLessThan(1000);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("reads a past form that describes the subject of a later verb as part of the subject", () => {
    expect(line("x", "Terminated widgets will not be re-admitted.")).toBe(`* Terminated widgets [will not be re-admitted](${U})`);
    const evicted = "Evicted and other terminated widgets will no longer revert to running.";
    expect(line(evicted, evicted)).toBe(
      `* Evicted and other terminated widgets [will no longer revert](${U}) to running`,
    );
    expect(line("x", "Deprecated in v1.20, the `--foo` flag has been removed.")).toBe(`* Deprecated in v1.20, the \`--foo\` flag [has been removed](${U})`);
  });

  it("keeps a prefix as the subject of a predicate that opens the note", () => {
    expect(line("x", "`kubeadm`: now respects the kubeconfig the user gave.")).toBe(`* kubeadm [now respects the kubeconfig the user](${U}) gave`);
    const promoted = "`WidgetGate`: promoted to beta.";
    expect(line(promoted, promoted)).toBe(`* \`WidgetGate\` [promoted](${U}) to beta`);
  });

  it("reads an unfamiliar imperative or a verb with its particle as the verb, not as a thing added", () => {
    expect(line("x", "Fire an event when a node port cannot be opened.")).toBe(`* Fire [an event](${U}) when a node port cannot be opened`);
    expect(line("Turn on the `ExampleGate` by default")).toBe(`* Turn [on the \`ExampleGate\`](${U}) by default`);
    expect(line("Support on Windows for host process containers")).toBe(`* Adds [support](${U}) on Windows for host process containers`);
  });

  it("reads a past-tense verb after a plain subject as the verb, but not a past form that describes", () => {
    expect(line("x", "kube-scheduler implemented queueing hints for the `WidgetFit` plugin.")).toBe(
      `* kube-scheduler [implemented queueing hints](${U}) for the \`WidgetFit\` plugin`,
    );
    expect(line("x", "The widget controller added support for gadget pools.")).toBe(`* The widget controller [added support](${U}) for gadget pools`);
    expect(line("x", "Treated a missing widget file as an empty widget list.")).toBe(`* Treated [a missing widget file](${U}) as an empty widget list`);
    expect(line("x", "The deprecated widget flag removed in 1.30 is documented.")).toBe(`* The deprecated widget flag removed in 1.30 [is documented](${U})`);
    expect(line("x", "Flags used by the widget controller are now validated.")).toBe(`* Flags used by the widget controller [are now validated](${U})`);
  });

  it("takes a past-tense verb before a preposition for a verb, and a component in backticks for the subject", () => {
    expect(line("Widget plugin: stop using annotations", "Widget plugin: stopped using annotations for device info.")).toBe(
      `* Stopped [using annotations](${U}) for device info`,
    );
    expect(line("x", "`kube-proxy`: added the `--widget-mode` flag.")).toBe(`* kube-proxy [added the \`--widget-mode\` flag](${U})`);
  });

  it("links a verb group of helpers together with its purpose", () => {
    expect(line("x", "The new alpha gate `WidgetMount` can be used to speed up widget relabeling of volumes.")).toBe(
      `* The new alpha gate \`WidgetMount\` [can be used to speed up widget relabeling](${U})`,
    );
    expect(line("x", "The widget controller uses informers to watch gadgets.")).toBe(`* The widget controller [uses informers](${U}) to watch gadgets`);
  });

  it("never ends a link on a word that needs the next one", () => {
    // A note that opens with a phrase the rules cannot place still gets a link of words, not a lone "an".
    const opener = "In the `wait.PollWidget` function, if `immediate` is true, the condition will be invoked before waiting.";
    expect(line(opener, opener)).toBe(`* Adds [an In the \`wait.PollWidget\`](${U}) function`);
    expect(line("x", "The scheduler now supports the `QueueHint` plugin and the gang plugins for batch jobs in large clusters.")).toBe(
      `* The scheduler [now supports the \`QueueHint\` plugin](${U}) and the gang plugins for batch jobs`,
    );
  });

  it("writes a noun-phrase title as what the PR adds, in sentence case, keeping a one-word prefix", () => {
    expect(line("CEL Admission Plugin")).toBe(`* Adds [a CEL admission plugin](${U})`);
    expect(line("Aggregated discovery types")).toBe(`* Adds [aggregated discovery types](${U})`);
    expect(line("DRA: structured parameters")).toBe(`* Adds [DRA structured parameters](${U})`);
    expect(line("kube-proxy: nftables mode")).toBe(`* Adds [a kube-proxy nftables mode](${U})`);
    // Proper names keep their capital; a phrase too short to read as news gets "support for".
    expect(line("Azure disk topology labels")).toBe(`* Adds [Azure disk topology labels](${U})`);
    expect(line("Job PodReplacementPolicy")).toBe(`* Adds [support for Job \`PodReplacementPolicy\`](${U})`);
  });

  it("conjugates a second action but not a list of command names", () => {
    expect(line("kube_codegen: add plural-exceptions and use grep for finding API types")).toBe(
      `* \`kube_codegen\` [adds plural-exceptions and uses grep](${U}) for finding API types`,
    );
    expect(line("kubectl: add --subresource flag to get, patch, edit and replace")).toBe(
      `* kubectl [adds a \`--subresource\` flag](${U}) to get, patch, edit and replace`,
    );
  });

  it("passes over a note that only introduces a command or a list", () => {
    expect(line("kube-proxy: nftables mode", "kube-proxy now has a new nftables-based mode, available by running\n\n    kube-proxy --proxy-mode nftables")).toBe(
      `* Adds [a kube-proxy nftables mode](${U})`,
    );
  });

  it("drops asides in parentheses and never ends with a period", () => {
    expect(line("Fix TerminationGracePeriodSeconds is negative (part 1).")).toBe(`* \`TerminationGracePeriodSeconds\` [is no longer negative](${U})`);
  });

  it("keeps every drafted line within the line rules", () => {
    const drafted = [
      line("Mark net.ipv4.ip_unprivileged_port_start as a safe sysctl"),
      line("x", "Scheduler could be configured to consider new resources beside CPU and memory, GPU for example, for the score plugin."),
      line("Replace go-bindata with //go:embed"),
      line("StatefulSet PersistentVolumeClaimDeletePolicy"),
    ];
    expect(drafted).toEqual([
      `* Mark [\`net.ipv4.ip_unprivileged_port_start\`](${U}) as a safe sysctl`,
      `* Scheduler [can be configured to consider new resources](${U}) beside CPU and memory`,
      `* Replace [go-bindata](${U}) with \`//go:embed\``,
      `* Adds [support for StatefulSet \`PersistentVolumeClaimDeletePolicy\`](${U})`,
    ]);
    for (const text of drafted) expect(lineProblems(text, "other_merges", U)).toEqual([]);
  });
});

describe("sentence lines keep the main verb of a long subject", () => {
  it("skips a relative clause between the subject and its verb", () => {
    expect(line("x", "The `FooBar` in-tree volume plugin which was deprecated in v1.20 is now removed entirely in v1.24.")).toBe(
      `* The \`FooBar\` in-tree volume plugin [is now removed entirely](${U}) in v1.24`,
    );
  });

  it("leaves a relative clause after the main verb alone", () => {
    expect(line("x", "The kube-apiserver no longer serves the alpha APIs that have been removed.")).toBe(
      `* The kube-apiserver [no longer serves the alpha APIs](${U}) that have been removed`,
    );
  });

  it("says what happened to a long subject instead of claiming it was added", () => {
    expect(line("x", "The experimental widget controller command line flag `--widget-sync-period` has been removed.")).toBe(
      `* The experimental widget controller command line flag \`--widget-sync-period\` [has been removed](${U})`,
    );
    expect(line("x", "The deprecated `FrobnicateDeny` admission plugin of the widget API server has been removed.")).toBe(
      `* The deprecated \`FrobnicateDeny\` admission plugin of the widget API server [has been removed](${U})`,
    );
  });

  it("keeps a coordinated subject whole rather than half of it", () => {
    expect(line("", "The short names `wdg` and `gdw` for the widget webhook configurations were introduced.")).toBe(
      `* Adds [the short names \`wdg\` and \`gdw\`](${U})`,
    );
  });

  it("knows more verbs that open a release note", () => {
    expect(line("x", "Tightened validation of the `spec.widgets` field in pod status.")).toBe(
      `* Tightened [validation of the \`spec.widgets\` field](${U}) in pod status`,
    );
    expect(line("x", "Reverted the `FancyScheduling` feature gate to off by default.")).toBe(
      `* Reverted [the \`FancyScheduling\` feature gate](${U}) to off by default`,
    );
  });
});
