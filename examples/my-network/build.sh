#!/usr/bin/env bash
# Compiles the example's network class against tune4j and packs it into build/my-nets.jar.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$here/../.."
[ -f "$project/target/tune4j.jar" ] || mvn -q -B -f "$project/pom.xml" -DskipTests package
rm -rf "$here/build/classes" && mkdir -p "$here/build/classes"
javac -d "$here/build/classes" -cp "$project/target/tune4j.jar:$(cat "$project/target/classpath.txt")" \
    $(find "$here/src" -name '*.java')
jar cf "$here/build/my-nets.jar" -C "$here/build/classes" .
echo "$here/build/my-nets.jar"
