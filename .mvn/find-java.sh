# Sourced by ./mvnw and by the painlab launch script: makes sure JAVA_HOME names
# a Java 21+ JDK, because Tycho 5 and the current Eclipse bundles need 21 while
# many machines still default to 17. Never downloads anything.
# Written with shell built-ins where it can: the launch script runs this before every command, and each process
# it starts (readlink, dirname, sed, a $(...) subshell) costs about a millisecond; with about 30 of them the search
# took 30-50 ms of each call (measured, 2-core machine, 3 December 2026). POSIX sh: ./mvnw runs it with /bin/sh.

# Sets painlab_major to the Java major version of the java binary $1 (empty when it cannot be told).
painlab_java_major_var() {
  local java="$1" release line
  painlab_major=""
  # the release file is next to the real bin/: only a link (/usr/bin/java, /etc/alternatives) needs resolving;
  # a linked JDK folder (/usr/lib/jvm/java-17-openjdk-amd64) reaches the same file through the link
  if [ -L "$java" ] || [ -L "${java%/*}" ]; then
    java=$(readlink -f "$java")
  fi
  release="${java%/*}"
  release="${release%/*}/release"
  # a JDK's release file says its version without starting a JVM (each start costs a few hundred ms)
  if [ -f "$release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in
        JAVA_VERSION=\"*)
          line=${line#JAVA_VERSION=\"}
          painlab_major=${line%%[!0-9]*}
          break ;;
      esac
    done < "$release"
    if [ -n "$painlab_major" ]; then return 0; fi
  fi
  painlab_major=$("$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1)
}
painlab_java_major() {
  local painlab_major
  painlab_java_major_var "$1"
  echo "$painlab_major"
}
painlab_find_java() {
  local cand major best="" best_major=0 painlab_major dir rest path_home=""
  # the JDK of the java on PATH, looked up as `command -v java` would, without a subshell (POSIX sh: ./mvnw)
  rest="${PATH:-}:"
  while [ -n "$rest" ]; do
    dir=${rest%%:*}
    rest=${rest#*:}
    if [ -f "${dir:-.}/java" ] && [ -x "${dir:-.}/java" ]; then
      path_home=$(readlink -f "${dir:-.}/java")
      path_home=${path_home%/*}
      path_home=${path_home%/*}
      break
    fi
  done
  for cand in "${JAVA_HOME:-}" "$path_home" /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -n "$cand" ] && [ -x "$cand/bin/java" ] || continue
    painlab_java_major_var "$cand/bin/java"
    major=$painlab_major
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
    [ -n "${PAINLAB_QUIET_JAVA:-}" ] || echo "painlab: using Java $best_major from $best (JAVA_HOME was ${JAVA_HOME:-unset})" >&2
  fi
  export JAVA_HOME="$best"
}
