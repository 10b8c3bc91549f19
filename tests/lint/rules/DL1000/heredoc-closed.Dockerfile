# expect-none: DL1000
FROM alpine:3.19
RUN <<EOF
echo closed
EOF
