# Kasten console plugin image: build the plugin with Node, serve it with UBI's unprivileged nginx.
# Build:  podman build -t quay.io/<you>/kasten-console-plugin:0.1.0 .
# For OpenShift 4.19-4.21 (console SDK 4.19, React 17): --build-arg BUILD=dist-compat
# The chart (charts/kasten-console-plugin) runs it with the serving certificate at /var/cert and
# mounts the same nginx.conf plus the rendered plugin-config.json.
# Bases are pinned to one Red Hat build each (the numbered tag names a single build; nginx also by
# digest, the same image the chart runs by default), so a rebuild gets the same bases; bump them
# on purpose. Most users need no image at all: the packaged chart serves the build itself.

FROM registry.access.redhat.com/ubi9/nodejs-20:9.7-1764217677 AS build
USER 1001
WORKDIR /opt/app-root/src
# .npmrc: the lockfile holds React 17 packages (npm aliases) for the 4.19-4.21 build; see package.json.
COPY --chown=1001:0 package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY --chown=1001:0 tsconfig.json tsconfig.build.json tsconfig.compat.json webpack.config.ts webpack.rules.ts console-extensions.json ./
COPY --chown=1001:0 src ./src
COPY --chown=1001:0 locales ./locales
RUN npm run build \
 && find dist dist-compat -type f \( -name '*.js' -o -name '*.json' \) -exec gzip -9 -k {} +

FROM registry.access.redhat.com/ubi9/nginx-124:9.8-1787065328@sha256:3292e9a046b72b18e51229a448f97568a9af26b26bf54488bfd78094800f2e61
ARG PORT=9443
# dist (consoles 4.22 and later) or dist-compat (4.19-4.21); each carries its own @console/pluginAPI range.
ARG BUILD=dist
USER 0
COPY charts/kasten-console-plugin/files/nginx.conf /etc/kasten-console-plugin/nginx/nginx.conf
RUN sed -i "s/__PORT__/${PORT}/g" /etc/kasten-console-plugin/nginx/nginx.conf \
 && rm -rf /opt/app-root/src/*
COPY --from=build --chown=1001:0 /opt/app-root/src/${BUILD} /opt/app-root/src
# Any UID: OpenShift's restricted-v2 picks one from the namespace's range, with group 0.
RUN chmod -R g=u,o+r /opt/app-root/src /etc/kasten-console-plugin
USER 1001
EXPOSE 9443
# -e stderr: nginx opens its error log before reading the config, and the root filesystem is read-only.
CMD ["nginx", "-e", "stderr", "-c", "/etc/kasten-console-plugin/nginx/nginx.conf"]
