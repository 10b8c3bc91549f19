# expect: DL3037:3
FROM opensuse/leap:15.6
ONBUILD RUN zypper in -y git && zypper clean
