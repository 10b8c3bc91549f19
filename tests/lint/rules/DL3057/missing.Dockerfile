# args: --info DL3057
# expect: DL3057:3
FROM debian:12
CMD ["true"]
