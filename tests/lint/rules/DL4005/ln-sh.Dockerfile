# expect: DL4005:3
FROM debian:12
RUN ln -sf /bin/bash /bin/sh
