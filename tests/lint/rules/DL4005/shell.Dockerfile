# expect-none: DL4005
FROM debian:12
SHELL ["/bin/bash", "-c"]
