# expect-none: DT1002
FROM debian:12
RUN mkdir -p /scratch && chmod 1777 /scratch && chmod a+rwxt /cache
