# expect: DT1008:3 DT1008:7
FROM debian:12
RUN bash <<EOF
mkdir -p /app
cp -r /src/. /app/
EOF
ONBUILD RUN <<EOF
make
make install
EOF
