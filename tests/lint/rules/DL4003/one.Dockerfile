# expect-none: DL4003
FROM debian:12
CMD ["a"]
