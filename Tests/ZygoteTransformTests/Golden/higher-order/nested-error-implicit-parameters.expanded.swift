error: 1:24: #gradient with a trailing closure (implicit parameters) cannot be nested in another derivative
