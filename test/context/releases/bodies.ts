/** Release bodies in the shapes projects publish (written for these tests). */

export const SECURITY_BODY = `Welcome to the v1.5.3 release of containerd!

The third patch release for containerd 1.5 is a security release to address a CVE.

### Notable Updates

* **Fix** [CVE-2021-32760](https://github.com/containerd/containerd/security/advisories/GHSA-c72p-9xmj-rx3w): archive package allows chmod of file outside of unpack target directory
* **Faster pulls** by unpacking layers in parallel ([#5521](https://github.com/containerd/containerd/pull/5521))
* Update runc binary to v1.0.1 ([#5552](https://github.com/containerd/containerd/pull/5552))

See the changelog for complete list of changes

### Dependency Changes

* **github.com/opencontainers/runc**  v1.0.0 -> v1.0.1
`;

export const HIGHLIGHTS_BODY = `## Highlights

### Kubernetes v1.22 support

Clusters can now be created with Kubernetes v1.22.

### Improved machine health checks

* MachineHealthCheck now remediates unhealthy control plane machines

## Changes by kind

- Fixed a bug where clusterctl move lost annotations (#4811)
`;

export const BULLETS_BODY = `- Fixed a bug where kind would fail on rootless docker
- Updated default node image to v1.21.1
- Documentation fixes
`;

export const GENERATED_BODY = `## What's Changed
* Add support for OCI image indexes by @alice in https://github.com/containerd/nerdctl/pull/123
* Fix \`nerdctl run --rm\` cleanup by @bob in https://github.com/containerd/nerdctl/pull/124

## New Contributors
* @carol made their first contribution in https://github.com/containerd/nerdctl/pull/125

**Full Changelog**: https://github.com/containerd/nerdctl/compare/v0.10.0...v0.11.0
`;

export const HOSTILE_BODY = `<script>alert(document.cookie)</script>
{{ site.github.token }} {% include evil.html %}

\`\`\`
* not a bullet: inside a code fence
\`\`\`

<!--
* hidden bullet
-->
* [Steal {{ page.secret }} tokens](javascript:alert(1)) <img src=x onerror=alert(1)> now
`;

export const PROSE_BODY = "Welcome to the v2.0.1 release! This is a bug fix release.";
