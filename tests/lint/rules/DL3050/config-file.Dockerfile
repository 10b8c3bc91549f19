# args: -c strict.yaml
# expect: DL3050:4
FROM debian:12
LABEL maintainer=me extra=1
