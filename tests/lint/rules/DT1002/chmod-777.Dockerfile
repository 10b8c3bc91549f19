# expect: DT1002:3 DT1002:4
FROM debian:12
RUN mkdir /app && chmod 777 /app
RUN chmod -R a+rwx /data
