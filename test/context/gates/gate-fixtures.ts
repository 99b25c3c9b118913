/** Feature-gate files in the shapes kubernetes/kubernetes has used (2021 FeatureSpec, ≥1.31 VersionedSpecs, generated yaml). */

/** pkg/features/kube_features.go in the 2021 (v1.22) shape, with the three gates of the week at the given stages. */
export function kubeFeatures2021(stages: { slb: string; icnp: string; lsd: string; extra?: string }): string {
  return `/*
Copyright 2017 The Kubernetes Authors.
*/

package features

import (
	apiextensionsfeatures "k8s.io/apiextensions-apiserver/pkg/features"
	"k8s.io/apimachinery/pkg/util/runtime"
	genericfeatures "k8s.io/apiserver/pkg/features"
	utilfeature "k8s.io/apiserver/pkg/util/feature"
	"k8s.io/component-base/featuregate"
)

const (
	// Every feature gate should add method here following this template:
	//
	// // owner: @username
	// // alpha: v1.X
	// MyFeature featuregate.Feature = "MyFeature"

	// owner: @tallclair
	// beta: v1.4
	AppArmor featuregate.Feature = "AppArmor"

	// owner: @andrewsykim @xiaoxubeii
	// alpha: v1.20
	// beta: v1.22
	//
	// Enable the ability to disable NodePort allocation for Services of Type=LoadBalancer
	ServiceLBNodePortControl featuregate.Feature = "ServiceLBNodePortControl"

	// owner: @hbagdi
	// alpha: v1.20
	// beta: v1.22
	//
	// Enable Scope and Namespace fields on IngressClassParametersReference.
	IngressClassNamespacedParams featuregate.Feature = "IngressClassNamespacedParams"

	// owner: @damemi
	// alpha: v1.21
	// beta: v1.22
	//
	// Enables scaling down replicas via logarithmic comparison of creation/ready timestamps
	LogarithmicScaleDown featuregate.Feature = "LogarithmicScaleDown"
)

func init() {
	runtime.Must(utilfeature.DefaultMutableFeatureGate.Add(defaultKubernetesFeatureGates))
}

// defaultKubernetesFeatureGates consists of all known Kubernetes-specific feature keys.
// To add a new feature, define a key for it above and add it here. The features will be
// available throughout Kubernetes binaries.
var defaultKubernetesFeatureGates = map[featuregate.Feature]featuregate.FeatureSpec{
	AppArmor:             {Default: true, PreRelease: featuregate.Beta},
	DynamicKubeletConfig: {Default: false, PreRelease: featuregate.Deprecated}, // feature gate is deprecated in 1.22, remove no early than 1.23
	ExperimentalHostUserNamespaceDefaultingGate: {Default: false, PreRelease: featuregate.Beta},
	/* a "}" in a block comment, PreRelease: featuregate.GA { */
	ServiceLBNodePortControl:     {Default: ${stages.slb === "Beta"}, PreRelease: featuregate.${stages.slb}},
	IngressClassNamespacedParams: {Default: ${stages.icnp === "Beta"}, PreRelease: featuregate.${stages.icnp}},
	CSIMigration: {
		Default:    true,
		PreRelease: featuregate.Beta,
	},
	EndpointSliceProxying: {Default: true, PreRelease: featuregate.GA, LockToDefault: true}, // remove in 1.25
	LogarithmicScaleDown:  {Default: ${stages.lsd === "Beta"}, PreRelease: featuregate.${stages.lsd}},
	${stages.extra ?? ""}

	// inherited features from generic code go here:
	genericfeatures.StreamingProxyRedirects: {Default: false, PreRelease: featuregate.Deprecated}, // remove in 1.24
	genericfeatures.AdvancedAuditing:        {Default: true, PreRelease: featuregate.GA},
	genericfeatures.APIResponseCompression:  {Default: true, PreRelease: featuregate.Beta},
	genericfeatures.APIListChunking:         {Default: true, PreRelease: featuregate.Beta},

	// features that enable backwards compatibility but are scheduled to be removed
	// ...
	HPAScaleToZero: {Default: false, PreRelease: featuregate.Alpha},
}
`;
}

export const APISERVER_FEATURES_2021 = `package features

import (
	"k8s.io/apimachinery/pkg/util/runtime"
	utilfeature "k8s.io/apiserver/pkg/util/feature"
	"k8s.io/component-base/featuregate"
)

const (
	// owner: @tallclair
	// alpha: v1.7
	// beta: v1.8
	// GA: v1.12
	//
	// AdvancedAuditing enables a much more general API auditing pipeline, which includes support for
	// pluggable output backends and an audit policy specifying how different requests should be
	// audited.
	AdvancedAuditing featuregate.Feature = "AdvancedAuditing"
)

var defaultKubernetesFeatureGates = map[featuregate.Feature]featuregate.FeatureSpec{
	StreamingProxyRedirects: {Default: false, PreRelease: featuregate.Deprecated},
	AdvancedAuditing:        {Default: true, PreRelease: featuregate.GA},
	APIResponseCompression:  {Default: true, PreRelease: featuregate.Beta},
	APIListChunking:         {Default: true, PreRelease: featuregate.Beta},
}
`;

/** pkg/features/kube_features.go in the ≥1.31 versioned shape; `tracing` adds rows to APIServerTracing. */
export function kubeFeaturesVersioned(tracingRows: string): string {
  return `package features

import (
	genericfeatures "k8s.io/apiserver/pkg/features"
	"k8s.io/component-base/featuregate"
	"k8s.io/apimachinery/pkg/util/version"
)

const (
	// owner: @dashpole
	// kep: https://kep.k8s.io/647
	//
	// Add support for distributed tracing in the API Server
	APIServerTracing featuregate.Feature = "APIServerTracing"
)

// defaultVersionedKubernetesFeatureGates consists of all known Kubernetes-specific feature keys with VersionedSpecs.
// To add a new feature, define a key for it in pkg/features/kube_features.go and add it here. The features will be
// available throughout Kubernetes binaries.
//
// Entries are alphabetized.
var defaultVersionedKubernetesFeatureGates = map[featuregate.Feature]featuregate.VersionedSpecs{
	AllowDNSOnlyNodeCSR: {
		{Version: version.MustParse("1.0"), Default: true, PreRelease: featuregate.GA},
		{Version: version.MustParse("1.31"), Default: false, PreRelease: featuregate.Deprecated},
	},

	APIServerTracing: {
		{Version: version.MustParse("1.22"), Default: false, PreRelease: featuregate.Alpha},
${tracingRows}
	},

	// rows out of order must still pick the highest version
	CPUManager: {
		{Version: version.MustParse("1.26"), Default: true, PreRelease: featuregate.GA, LockToDefault: true}, // GA in 1.26
		{Version: version.MustParse("1.8"), Default: false, PreRelease: featuregate.Alpha},
		{Version: version.MustParse("1.10"), Default: true, PreRelease: featuregate.Beta},
	},

	DRAAdminAccess: {
		{Version: version.MajorMinor(1, 32), Default: false, PreRelease: featuregate.Alpha},
	},

	genericfeatures.AggregatedDiscoveryRemoveBetaType: {
		{Version: version.MustParse("1.0"), Default: false, PreRelease: featuregate.GA},
		{Version: version.MustParse("1.33"), Default: true, PreRelease: featuregate.Deprecated},
	},
}

// Not a gate table: the parser must leave it alone.
var defaultKubernetesFeatureGateDependencies = map[featuregate.Feature][]featuregate.Feature{
	DRAAdminAccess: {APIServerTracing},
}
`;
}

export const FEATURE_LIST_YAML = `- name: AllowDNSOnlyNodeCSR
  versionedSpecs:
  - default: true
    lockToDefault: false
    preRelease: GA
    version: "1.0"
  - default: false
    lockToDefault: false
    preRelease: Deprecated
    version: "1.31"
- name: APIServerTracing
  versionedSpecs:
  - default: false
    lockToDefault: false
    preRelease: Alpha
    version: "1.22"
  - default: true
    lockToDefault: false
    preRelease: Beta
    version: "1.27"
- name: CPUCFSQuotaPeriod
  versionedSpecs:
  - default: false
    lockToDefault: false
    preRelease: Alpha
    version: "1.12"
- name: 'InPlacePodVerticalScaling'
  versionedSpecs:
  - version: "1.33"
    preRelease: Beta
    default: true
    lockToDefault: false
  - default: false
    lockToDefault: false
    preRelease: Alpha
    version: "1.27"
`;
