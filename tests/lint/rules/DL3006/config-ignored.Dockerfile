# args: -c ignore.yaml
# expect-none: DL3006
FROM debian
