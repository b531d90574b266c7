#!/usr/bin/env bash
# Apache Jena from Debian (`libapache-jena-java`, a JRE: `make system-deps` installs both) without its missing
# command-line wrappers. Installs nothing.
#
#   scripts/jena.sh load DIR FILE.nq|FILE.trig   a TDB2 store in DIR: the file's named graphs, and the union of
#                                                all its graphs as the store's default graph
#   scripts/jena.sh query DIR FILE.rq [FMT]      run a query on it; FMT csv (default), tsv, json, text
#   scripts/jena.sh classpath                    print the class path (for `java -cp "$(…)" riotcmd.riot …`)
#
# Two repairs make Debian's jars start (docs/stores.md):
# 1. jena-core.jar moved its embedded Xerces classes to the package `xerces.*` but left their message bundle
#    under org/apache/jena/ext/xerces/…: it is extracted into a folder put first on the class path.
# 2. /usr/share/java/* brings several SLF4J bindings and loops in log4j: the jars are listed one by one.
#
# Why the union is loaded as the default graph: a query in `queries/` reads the union of all graphs (as
# `kg query`, Oxigraph's --union-default-graph, GraphDB and Virtuoso do). TDB2's `tdb:unionDefaultGraph`
# is the union of the *named* graphs only and leaves out the stored default graph, where the shared
# knowledge (entities' types and labels, posts) is. Each triple is stated once in the build, so the union
# loaded as a set gives the same rows as a store that keeps it as a bag.
set -euo pipefail

JAVA_DIR=${JAVA_DIR:-/usr/share/java}
CACHE=${KG_JENA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kg-jena}
JARS="jena-arq jena-base jena-cmds jena-core jena-dboe-base jena-dboe-index jena-dboe-storage
  jena-dboe-trans-data jena-dboe-transaction jena-iri jena-rdfconnection jena-shacl jena-shex jena-tdb jena-tdb2
  commons-cli commons-codec commons-compress commons-csv commons-io commons-lang3 dexx.collection gson guava
  httpclient httpcore jackson-core jackson-databind jackson-annotations jsonld-java jakarta.json-api protobuf
  slf4j-api slf4j-simple thrift titanium-json-ld"
BUNDLE=org/apache/jena/ext/xerces/impl/xpath/regex/message.properties

die() { echo "jena.sh: $*" >&2; exit 1; }

classpath() {
  command -v java >/dev/null || die "no java on the PATH (Debian: apt-get install default-jre-headless)"
  [ -f "$JAVA_DIR/jena-core.jar" ] || die "no $JAVA_DIR/jena-core.jar (Debian: apt-get install libapache-jena-java)"
  local fix="$CACHE/xerces-bundle" cp jar
  if [ ! -s "$fix/xerces/impl/xpath/regex/message.properties" ]; then
    mkdir -p "$fix/xerces/impl/xpath/regex"
    unzip -p "$JAVA_DIR/jena-core.jar" "$BUNDLE" >"$fix/xerces/impl/xpath/regex/message.properties.tmp" ||
      die "$BUNDLE not found in $JAVA_DIR/jena-core.jar"
    mv "$fix/xerces/impl/xpath/regex/message.properties.tmp" "$fix/xerces/impl/xpath/regex/message.properties"
  fi
  cp="$fix"
  for jar in $JARS; do
    [ -f "$JAVA_DIR/$jar.jar" ] || die "missing $JAVA_DIR/$jar.jar"
    cp="$cp:$JAVA_DIR/$jar.jar"
  done
  echo "$cp"
}

jena() {  # jena CLASS ARGS…
  local cls=$1
  shift
  java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$(classpath)" "$cls" "$@"
}

load() {
  local dir=$1 file=$2
  [ -f "$file" ] || die "no such file: $file"
  [ ! -e "$dir" ] || die "$dir exists: load into a new folder"
  jena tdb2.tdbloader --loc="$dir" "$file"
  # the union of all graphs as the default graph (a set: the default graph's own triples are kept once)
  jena tdb2.tdbupdate --loc="$dir" 'INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }'
}

query() {
  local dir=$1 file=$2 fmt=${3:-csv}
  [ -d "$dir" ] || die "no TDB2 store at $dir"
  [ -f "$file" ] || die "no such file: $file"
  jena tdb2.tdbquery --loc="$dir" --results="$fmt" --query="$file"
}

case "${1:-}" in
  load) [ $# -eq 3 ] || die "usage: jena.sh load DIR FILE.nq"; load "$2" "$3" ;;
  query) [ $# -ge 3 ] || die "usage: jena.sh query DIR FILE.rq [csv|tsv|json|text]"; query "$2" "$3" "${4:-csv}" ;;
  classpath) classpath ;;
  *) die "usage: jena.sh load DIR FILE.nq | query DIR FILE.rq [FMT] | classpath" ;;
esac
