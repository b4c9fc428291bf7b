{{/* The console loads the plugin by the name compiled into its manifest, so this is not a value. */}}
{{- define "kcp.pluginName" -}}kasten-console-plugin{{- end }}

{{- define "kcp.fullname" -}}
{{- default (include "kcp.pluginName" .) .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- end }}

{{- define "kcp.labels" -}}
app.kubernetes.io/name: {{ include "kcp.pluginName" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end }}

{{- define "kcp.selectorLabels" -}}
app.kubernetes.io/name: {{ include "kcp.pluginName" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: plugin
{{- end }}

{{/* The plugin image (plugin.image.repository, the Dockerfile's) or the stock nginx that serves the build shipped in the chart. */}}
{{- define "kcp.image" -}}
{{- if .Values.plugin.image.repository -}}
{{- $tag := default .Chart.AppVersion .Values.plugin.image.tag -}}
{{- printf "%s%s%s" .Values.plugin.image.repository (ternary "@" ":" (hasPrefix "sha256:" $tag)) $tag -}}
{{- else -}}
{{- .Values.plugin.nginxImage -}}
{{- end -}}
{{- end }}

{{/*
Which build the chart serves: "default" (console SDK 4.22, OpenShift 4.22 and later) or "compat"
(OpenShift 4.19-4.21, Kubernetes 1.32-1.34), chosen from the cluster's Kubernetes minor version
unless plugin.build names one. Fails when the package does not carry the build needed.
*/}}
{{- define "kcp.build" -}}
{{- $minor := .Capabilities.KubeVersion.Minor | trimSuffix "+" | atoi -}}
{{- $build := .Values.plugin.build -}}
{{- if eq $build "auto" -}}
{{- $build = ternary "compat" "default" (lt $minor 35) -}}
{{- end -}}
{{- if not (.Files.Glob (printf "files/builds/%s/plugin-manifest.json.gz" $build)) -}}
{{- if eq $build "compat" -}}
{{- fail (printf "This chart package has no build for OpenShift 4.19-4.21 (Kubernetes 1.%d here): package it with a dist-compat/ build (scripts/package-chart.sh), or set plugin.image.repository to an image built for this console." $minor) -}}
{{- else -}}
{{- fail "This chart has no built plugin in files/builds/: install the package scripts/package-chart.sh writes (see docs/install.md), or set plugin.image.repository to the image built from the Dockerfile." -}}
{{- end -}}
{{- end -}}
{{- $build -}}
{{- end }}

{{/* A ConfigMap key for a build file: keys allow no '/', so the path's slashes become '_'; the volume maps each key back to its path. */}}
{{- define "kcp.buildKey" -}}{{ . | replace "/" "_" }}{{- end }}

{{- define "kcp.certSecret" -}}{{ include "kcp.fullname" . }}-cert{{- end }}

{{/* restricted-v2 compliant; no runAsUser, the SCC assigns one from the namespace's range. */}}
{{- define "kcp.podSecurityContext" -}}
runAsNonRoot: true
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "kcp.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* Settings read by the plugin at /plugin-config.json; the key set is a contract with src/. */}}
{{- define "kcp.pluginConfig" -}}
{"kastenNamespace":{{ .Values.kasten.namespace | toJson }},"memoryThresholdBytes":{{ .Values.thresholds.memoryThresholdBytes | toJson }},"catalogPvcUsedPercentThreshold":{{ .Values.thresholds.catalogPvcUsedPercentThreshold | toJson }},"cpuThresholdCores":{{ .Values.thresholds.cpuThresholdCores | toJson }},"newFailuresWindow":{{ .Values.thresholds.newFailuresWindow | toJson }},"recoveryPointMaxAgeSeconds":{{ .Values.thresholds.recoveryPointMaxAgeSeconds | toJson }},"scrapeResolution":{{ .Values.monitoring.scrapeInterval | toJson }}}
{{- end }}

{{/* Whole seconds as the shortest exact PromQL duration, as src/promql's secondsToDuration does (93600 -> 26h). */}}
{{- define "kcp.secondsToDuration" -}}
{{- $s := int64 . -}}
{{- if eq (mod $s 604800) 0 -}}{{ div $s 604800 }}w
{{- else if eq (mod $s 86400) 0 -}}{{ div $s 86400 }}d
{{- else if eq (mod $s 3600) 0 -}}{{ div $s 3600 }}h
{{- else if eq (mod $s 60) 0 -}}{{ div $s 60 }}m
{{- else -}}{{ $s }}s
{{- end -}}
{{- end }}

{{/* Milliseconds of a one-unit duration such as 10m (the schema allows no other form). */}}
{{- define "kcp.durationMs" -}}
{{- $n := regexFind "^[0-9]+" . -}}
{{- $unitMs := dict "ms" 1 "s" 1000 "m" 60000 "h" 3600000 "d" 86400000 "w" 604800000 "y" 31536000000 -}}
{{- mul (int64 $n) (get $unitMs (trimPrefix $n .)) -}}
{{- end }}

{{/* A window as a subquery range: milliseconds minus one, as src/promql's windowRange prints it. */}}
{{- define "kcp.rangeMs" -}}{{ sub (int64 .) 1 }}ms{{- end }}

{{/* Replaces the placeholders of files/kasten-queries.json with values; the argument is (list $ text). */}}
{{- define "kcp.fillQuery" -}}
{{- $v := (index . 0).Values -}}
{{- $t := $v.thresholds -}}
{{- index . 1
  | replace "__KASTEN_NAMESPACE__" $v.kasten.namespace
  | replace "__SCRAPE_RESOLUTION__" $v.monitoring.scrapeInterval
  | replace "__SCRAPE_SECONDS__" (toString (div (int64 (include "kcp.durationMs" $v.monitoring.scrapeInterval)) 1000))
  | replace "__NEW_FAILURES_WINDOW_RANGE__" (include "kcp.rangeMs" (include "kcp.durationMs" $t.newFailuresWindow))
  | replace "__NEW_FAILURES_WINDOW__" $t.newFailuresWindow
  | replace "__RECOVERY_POINT_MAX_AGE_SECONDS__" (toString (int64 $t.recoveryPointMaxAgeSeconds))
  | replace "__MEMORY_THRESHOLD_BYTES__" (toJson $t.memoryThresholdBytes)
  | replace "__CATALOG_PVC_USED_PERCENT_THRESHOLD__" (toJson $t.catalogPvcUsedPercentThreshold)
  | replace "__CPU_THRESHOLD_CORES__" (toJson $t.cpuThresholdCores) -}}
{{- end }}

{{/* Kasten pods of the given components, by their `component` label; src/checks/remediation.ts componentsSelector builds the same. */}}
{{- define "kcp.componentsSelector" -}}
{{- if eq (len .) 1 -}}
matchLabels:
  component: {{ index . 0 }}
{{- else -}}
matchExpressions:
  - key: component
    operator: In
    values:
      {{- range . }}
      - {{ . }}
      {{- end }}
{{- end -}}
{{- end }}

{{/* Checks JSON schema cannot express (it compares no two values); rendered with the settings ConfigMap, so every install runs them. */}}
{{- define "kcp.validate" -}}
{{- $window := .Values.thresholds.newFailuresWindow -}}
{{- $scrape := .Values.monitoring.scrapeInterval -}}
{{- $scrapeMs := int64 (include "kcp.durationMs" $scrape) -}}
{{- if lt $scrapeMs 5000 -}}
{{- fail (printf "monitoring.scrapeInterval (%s) is below 5s: scraping Kasten that often only loads it and Prometheus. Use 5s or more (30s is usual)." $scrape) -}}
{{- end -}}
{{- if gt $scrapeMs 300000 -}}
{{- fail (printf "monitoring.scrapeInterval (%s) is above 5m: Prometheus treats a series not scraped for 5m as gone, so Kasten's metrics would vanish between scrapes. Use 5m or less (30s is usual)." $scrape) -}}
{{- end -}}
{{- if lt (int64 (include "kcp.durationMs" $window)) (int64 (include "kcp.durationMs" $scrape)) -}}
{{- fail (printf "thresholds.newFailuresWindow (%s) is shorter than monitoring.scrapeInterval (%s): KastenNewFailedActions would miss failures between two scrapes. Set newFailuresWindow to %s or longer." $window $scrape $scrape) -}}
{{- end -}}
{{- end }}
