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

{{- define "kcp.image" -}}
{{- $repo := required "plugin.image.repository is required: build the Dockerfile at the repository root, push the image, and set plugin.image.repository (e.g. quay.io/<you>/kasten-console-plugin)" .Values.plugin.image.repository -}}
{{- $tag := default .Chart.AppVersion .Values.plugin.image.tag -}}
{{- printf "%s%s%s" $repo (ternary "@" ":" (hasPrefix "sha256:" $tag)) $tag -}}
{{- end }}

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
