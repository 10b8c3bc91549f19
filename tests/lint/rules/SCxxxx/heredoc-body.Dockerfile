# expect: SC2086:3
FROM debian:12
RUN <<EOF
set -e
ARCHIVE=$(ls /tmp/*.tgz)
tar -xzf $ARCHIVE -C /opt
EOF
