# args: -c on.yaml
# expect: DL3057:3
FROM debian:12
