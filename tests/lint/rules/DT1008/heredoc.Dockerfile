# expect: DT1008:3
FROM debian:12
RUN <<EOF
apt-get update
apt-get install -y curl
EOF
