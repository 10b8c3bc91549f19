# expect: DL3032:3
FROM centos:7
ONBUILD RUN yum install -y httpd-2.4.6
