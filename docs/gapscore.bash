# bash completion for gapscore; installed as
# share/bash-completion/completions/gapscore.

_gapscore() {
  local cur prev command i
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD - 1]}
  command=
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      score | validate | merge | compare | init)
        command=${COMP_WORDS[i]}
        break
        ;;
    esac
  done

  if [[ -z $command ]]; then
    mapfile -t COMPREPLY < <(compgen -W "score validate merge compare init --help --version" -- "$cur")
    return
  fi

  # Values of options: files, formats, delimiters, or nothing to offer.
  case $prev in
    -q | --questionnaire | --baseline)
      mapfile -t COMPREPLY < <(compgen -f -X '!*.json' -- "$cur")
      compopt -o plusdirs 2>/dev/null
      return
      ;;
    -o | --output | --rejects | --emit-state)
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      return
      ;;
    -f | --format)
      if [[ $command == compare ]]; then
        mapfile -t COMPREPLY < <(compgen -W "json csv" -- "$cur")
      else
        mapfile -t COMPREPLY < <(compgen -W "json csv html" -- "$cur")
      fi
      return
      ;;
    -d | --delimiter)
      mapfile -t COMPREPLY < <(compgen -W ", ; tab |" -- "$cur")
      return
      ;;
    --by | --min-n | --max-segments | --max-memory | -j | --jobs | --fail-if | --segment-a | --segment-b | --header-rows | --sample)
      return
      ;;
  esac

  local options
  case $command in
    score)
      options="--questionnaire -q --by --min-n --max-segments --max-memory --jobs -j --strict --quiet --progress --delimiter -d
               --output -o --format -f --baseline --fail-if --allow-empty --rejects --emit-state --help -h"
      ;;
    validate)
      options="--questionnaire -q --by --min-n --max-segments --max-memory --jobs -j --strict --quiet --progress --delimiter -d
               --help -h"
      ;;
    merge)
      options="--output -o --format -f --baseline --fail-if --allow-empty --min-n --max-segments --max-memory --emit-state --help -h"
      ;;
    compare)
      options="--segment-a --segment-b --output -o --format -f --help -h"
      ;;
    init)
      options="--output -o --header-rows --sample --delimiter -d --help -h"
      ;;
  esac
  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$options" -- "$cur")
  else
    # Inputs: exports for score, validate and init; states and reports otherwise.
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
  fi
}

complete -o filenames -F _gapscore gapscore
