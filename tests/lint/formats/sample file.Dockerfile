FROM ubuntu
RUN apt-get install curl
FR<O&"Mÿ x
CMD echo "done"
