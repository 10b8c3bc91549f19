# expect: DL4003:4 DL4003:5
FROM debian:12
CMD ["a"]
CMD ["b"]
CMD ["c"]
