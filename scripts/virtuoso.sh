#!/usr/bin/env bash
# A private Virtuoso Open Source instance (Debian's `virtuoso-opensource`; its service is never started) for
# one build. Installs nothing.
#
#   scripts/virtuoso.sh start DIR SQLPORT HTTPPORT   a new database in DIR from a copy of Debian's virtuoso.ini,
#                                                    listening on 127.0.0.1 only
#   scripts/virtuoso.sh load DIR FILE.nq             bulk-load N-Quads (ld_dir + rdf_loader_run); the file's
#                                                    default graph goes to <urn:kg:default>
#   scripts/virtuoso.sh query DIR FILE.rq            the query over all graphs (Virtuoso's default), as CSV
#   scripts/virtuoso.sh stop DIR                     shut the instance down (the database stays in DIR)
set -euo pipefail

INI=${VIRTUOSO_INI:-/etc/virtuoso-opensource-7/virtuoso.ini}
DEFAULT_GRAPH=urn:kg:default

die() { echo "virtuoso.sh: $*" >&2; exit 1; }
port() { sed -n "s/^$1=//p" "$2/ports"; }
isql() {  # isql DIR STATEMENTS
  isql-vt "127.0.0.1:$(port sql "$1")" dba dba exec="$2" >"$1/isql.out" 2>&1 || { cat "$1/isql.out" >&2; exit 1; }
  ! grep -q '^\*\*\* Error' "$1/isql.out" || { cat "$1/isql.out" >&2; exit 1; }
}

start() {
  local dir=$1 sql=$2 http=$3 i
  command -v virtuoso-t >/dev/null || die "no virtuoso-t (Debian: apt-get install virtuoso-opensource)"
  [ ! -e "$dir" ] || die "$dir exists: start a new instance in a new folder"
  mkdir -p "$dir/db" "$dir/data"
  dir=$(cd "$dir" && pwd)
  printf 'sql=%s\nhttp=%s\n' "$sql" "$http" >"$dir/ports"
  # every file of the database in DIR/db, both ports on the loopback, only DIR/data readable by ld_dir
  sed -e "s|/var/lib/virtuoso-opensource-7/db|$dir/db|g" \
      -e "s|^ServerPort *= *1111|ServerPort = 127.0.0.1:$sql|" \
      -e "s|^ServerPort *= *8890|ServerPort = 127.0.0.1:$http|" \
      -e "s|^DirsAllowed *=.*|DirsAllowed = ., $dir/data, /usr/share/virtuoso-opensource-7/vad|" \
      "$INI" >"$dir/virtuoso.ini"
  (cd "$dir/db" && virtuoso-t +configfile "$dir/virtuoso.ini" +wait) >"$dir/start.log" 2>&1 ||
    { cat "$dir/start.log" "$dir/db/virtuoso.log" >&2 2>/dev/null; die "virtuoso-t did not start"; }
  for i in $(seq 60); do
    curl -sf "http://127.0.0.1:$http/sparql?query=ASK%7B%7D" >/dev/null && return 0
    sleep 1
  done
  die "no SPARQL endpoint on 127.0.0.1:$http after 60 s (see $dir/db/virtuoso.log)"
}

load() {
  local dir=$1 file=$2
  [ -f "$file" ] || die "no such file: $file"
  cp "$file" "$dir/data/"
  isql "$dir" "ld_dir('$dir/data', '$(basename "$file")', '$DEFAULT_GRAPH'); rdf_loader_run(); checkpoint;"
  # ld_dir records a failed file in DB.DBA.LOAD_LIST instead of failing
  isql "$dir" "SELECT ll_file, ll_error FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL;"
  ! grep -q "$(basename "$file")" "$dir/isql.out" || { cat "$dir/isql.out" >&2; die "loading $file failed"; }
}

query() {
  local dir=$1 file=$2
  curl -sfS "http://127.0.0.1:$(port http "$dir")/sparql" -H 'Accept: text/csv' --data-urlencode "query@$file"
}

stop() {
  isql "$1" "shutdown;" 2>/dev/null || true
}

case "${1:-}" in
  start) [ $# -eq 4 ] || die "usage: virtuoso.sh start DIR SQLPORT HTTPPORT"; start "$2" "$3" "$4" ;;
  load) [ $# -eq 3 ] || die "usage: virtuoso.sh load DIR FILE.nq"; load "$2" "$3" ;;
  query) [ $# -eq 3 ] || die "usage: virtuoso.sh query DIR FILE.rq"; query "$2" "$3" ;;
  stop) [ $# -eq 2 ] || die "usage: virtuoso.sh stop DIR"; stop "$2" ;;
  *) die "usage: virtuoso.sh start DIR SQLPORT HTTPPORT | load DIR FILE.nq | query DIR FILE.rq | stop DIR" ;;
esac
