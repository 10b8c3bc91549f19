# expect: DL3065:2
FROM --platform=${TARGETPLATFORM} debian:12
