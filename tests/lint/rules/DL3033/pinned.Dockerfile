# expect-none: DL3033
FROM centos:7
RUN yum install -y httpd-2.4.6 python3-pip-9.0.3 ./local.rpm && yum clean all
