#!/usr/bin/env bash
# A private PulseAudio daemon that gives tests a real PortAudio microphone and speaker.
#
#   eval "$(scripts/pulse-test-mic.sh start DIR)"   # start it; prints `export ...` lines
#   scripts/pulse-test-mic.sh env DIR               # print them again for a running daemon
#   scripts/pulse-test-mic.sh stop DIR              # stop it (by the pid in its runtime dir)
#
# Two null sinks at 16 kHz: "micfeed" (mono) whose monitor is the default source, i.e. the
# microphone — `paplay -d micfeed answer.flac` speaks into it in real time — and "speaker", the
# default sink, whose monitor `parec -d speaker.monitor` hears what mockmic plays.
# Everything lives in DIR (its own HOME and XDG_RUNTIME_DIR): the user's own sound setup and
# files are never touched. PortAudio reaches the daemon through ALSA's pulse plugin
# (libasound2-plugins); DIR/asound.conf makes "default" the pulse device even on systems whose
# ALSA config does not.
set -euo pipefail

usage() { echo "usage: $0 start|stop|env DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
cmd=$1
mkdir -p "$2"
dir=$(cd "$2" && pwd)
home=$dir/home
xdg=$dir/xdg
socket=$xdg/pulse/native
system_alsa_conf=/usr/share/alsa/alsa.conf

print_env() {
  echo "export PULSE_SERVER=unix:$socket"
  echo "export PULSE_CLIENTCONFIG=$dir/client.conf"
  if [ -f "$system_alsa_conf" ]; then
    echo "export ALSA_CONFIG_PATH=$system_alsa_conf:$dir/asound.conf"
  fi
  echo "export MOCKMIC_PULSE_DIR=$dir"
}

pactl_ok() {
  PULSE_SERVER=unix:$socket PULSE_CLIENTCONFIG=$dir/client.conf pactl info >/dev/null 2>&1
}

case $cmd in
  start)
    if ! command -v pulseaudio >/dev/null 2>&1 || ! command -v pactl >/dev/null 2>&1; then
      echo "pulse-test-mic: pulseaudio is not installed:" \
           "apt-get install pulseaudio pulseaudio-utils libasound2-plugins" >&2
      exit 3
    fi
    if pactl_ok; then
      print_env
      exit 0
    fi
    mkdir -p "$home" "$xdg"
    chmod 700 "$xdg"
    cat > "$dir/pa.pa" <<'PA'
load-module module-native-protocol-unix auth-anonymous=1
load-module module-null-sink sink_name=speaker rate=16000
load-module module-null-sink sink_name=micfeed rate=16000 channels=1
set-default-sink speaker
set-default-source micfeed.monitor
PA
    # No autospawn: a client that cannot reach our daemon must fail, not start the user's.
    printf 'autospawn = no\ncookie-file = %s/cookie\n' "$dir" > "$dir/client.conf"
    cat > "$dir/asound.conf" <<'ALSA'
pcm.!default { type pulse }
ctl.!default { type pulse }
ALSA
    # Running as root (CI) makes pulseaudio print a warning; it works all the same.
    HOME=$home XDG_RUNTIME_DIR=$xdg XDG_CONFIG_HOME=$home/.config \
      pulseaudio -n -F "$dir/pa.pa" --daemonize=yes --exit-idle-time=-1 --system=false \
      --log-target="file:$dir/pulse.log" 2>>"$dir/pulse.log"
    for _ in $(seq 100); do
      pactl_ok && break
      sleep 0.1
    done
    if ! pactl_ok; then
      echo "pulse-test-mic: the daemon did not come up; see $dir/pulse.log" >&2
      exit 1
    fi
    print_env
    ;;
  env)
    print_env
    ;;
  stop)
    pidfile=$xdg/pulse/pid
    [ -f "$pidfile" ] || exit 0
    pid=$(cat "$pidfile")
    if kill "$pid" 2>/dev/null; then
      for _ in $(seq 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
      done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
    fi
    rm -f "$pidfile"
    ;;
  *)
    usage
    ;;
esac
