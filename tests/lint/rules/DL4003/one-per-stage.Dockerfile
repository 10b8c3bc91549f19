# expect-none: DL4003
FROM debian:12 AS a
CMD ["a"]
FROM debian:12
CMD ["b"]
