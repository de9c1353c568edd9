# Sourced by ./mvnw and by the painlab launch script: makes sure JAVA_HOME names
# a Java 21+ JDK, because Tycho 5 and the current Eclipse bundles need 21 while
# many machines still default to 17. Never downloads anything.
painlab_java_major() {
  # a JDK's release file says its version without starting a JVM (each start costs a few hundred ms)
  local release; release="$(dirname "$(dirname "$(readlink -f "$1")")")/release"
  if [ -f "$release" ]; then
    local v; v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release" | head -n 1)
    if [ -n "$v" ]; then echo "$v"; return; fi
  fi
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
painlab_find_java() {
  local cand major best="" best_major=0
  for cand in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")" 2>/dev/null)" /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -n "$cand" ] && [ -x "$cand/bin/java" ] || continue
    major=$(painlab_java_major "$cand/bin/java")
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ]; then
      # The JDK the user chose wins when it is new enough; otherwise the newest found.
      if [ "$cand" = "${JAVA_HOME:-}" ]; then best="$cand"; break; fi
      if [ "$major" -gt "$best_major" ]; then best="$cand"; best_major=$major; fi
    fi
  done
  if [ -z "$best" ]; then
    echo "painlab: no Java 21+ JDK found (checked JAVA_HOME, java on PATH, /usr/lib/jvm, /opt). Install one (e.g. Temurin 21 or 25) and set JAVA_HOME." >&2
    return 1
  fi
  if [ "$best" != "${JAVA_HOME:-}" ]; then
    [ -n "${PAINLAB_QUIET_JAVA:-}" ] || echo "painlab: using Java $(painlab_java_major "$best/bin/java") from $best (JAVA_HOME was ${JAVA_HOME:-unset})" >&2
  fi
  export JAVA_HOME="$best"
}
