# expect: DL1000:3
FROM alpine:3.19
RUN <<EOF
echo never closed
