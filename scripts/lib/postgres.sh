# shellcheck shell=bash
# Helpers for scripts/backup, scripts/restore and scripts/check-backup (sourced, not run).
# Connection strings are libpq URIs (postgresql://user@host:port/database?sslmode=...); Aula's
# JDBC form (jdbc:postgresql://host:port/database?...) is converted, taking the user from
# AULA_DATABASE_USERNAME and the password from AULA_DATABASE_PASSWORD (handed to libpq as
# PGPASSWORD, so it never appears in a process list).

urlencode() { # text
  local text=$1 out='' c i
  for ((i = 0; i < ${#text}; i++)); do
    c=${text:i:1}
    case $c in
      [A-Za-z0-9._~-]) out+=$c ;;
      *) printf -v c '%%%02X' "'$c"; out+=$c ;;
    esac
  done
  printf '%s' "$out"
}

# jdbc:postgresql://... or postgresql://... or postgres://... -> a libpq URI in LIBPQ_URI (a
# variable, not output: it may also export PGPASSWORD, which a subshell would lose).
to_libpq_uri() { # url
  local url=$1
  case $url in
    postgresql://* | postgres://*) LIBPQ_URI=$url; return ;;
    jdbc:postgresql:*) ;;
    *) echo "not a PostgreSQL URL (jdbc:postgresql://... or postgresql://...): $url" >&2; return 1 ;;
  esac
  local rest=${url#jdbc:postgresql:} query='' kv key value params=() user=''
  if [[ $rest == *\?* ]]; then
    query=${rest#*\?}
    rest=${rest%%\?*}
  fi
  [[ $rest == //* ]] || rest=//localhost/$rest
  local IFS='&'
  for kv in $query; do
    key=${kv%%=*}
    value=${kv#*=}
    case $key in
      user) user=$value ;;
      password) export PGPASSWORD=${PGPASSWORD:-$value} ;;
      sslmode | sslrootcert | sslcert | sslkey | options) params+=("$key=$value") ;;
      ssl) [[ $value == true && $query != *sslmode=* ]] && params+=("sslmode=verify-full") ;;
      connectTimeout) params+=("connect_timeout=$value") ;;
      ApplicationName) params+=("application_name=$value") ;;
      '') ;;
      *) echo "note: JDBC parameter '$key' has no libpq equivalent here; ignored" >&2 ;;
    esac
  done
  unset IFS
  user=${user:-${AULA_DATABASE_USERNAME:-}}
  if [[ -n ${AULA_DATABASE_PASSWORD:-} ]]; then
    export PGPASSWORD=${PGPASSWORD:-$AULA_DATABASE_PASSWORD}
  fi
  local uri=postgresql://
  [[ -n $user ]] && uri+="$(urlencode "$user")@"
  uri+=${rest#//}
  if ((${#params[@]} > 0)); then
    local joined
    printf -v joined '%s&' "${params[@]}"
    uri+="?${joined%&}"
  fi
  LIBPQ_URI=$uri
}

uri_database() { # libpq uri -> database name (empty when none)
  local base=${1%%\?*}
  base=${base#*://}
  [[ $base == */* ]] || return 0
  printf '%s' "${base#*/}"
}

uri_with_database() { # libpq uri, database -> the same server, another database
  local uri=$1 database=$2 base query=''
  base=${uri%%\?*}
  [[ $uri == *\?* ]] && query="?${uri#*\?}"
  local scheme=${base%%://*} rest=${base#*://}
  printf '%s://%s/%s%s' "$scheme" "${rest%%/*}" "$database" "$query"
}

# Prints where a URI points without its password.
redact_uri() { sed -E 's#(://[^:/@]+):[^@/]*@#\1:***@#' <<<"$1"; }
